// The PreToolUse phase for memory: memory_save and memory_forget write only the agent's own memory
// folders, so they run without a question; read_file may read a memory file outside the workspace
// (~/.lcc/memory). An allow here never beats a deny rule (s07 decides after it).
import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import type { AgentHooks } from "@lcc/s02";

const MEMORY_TOOLS = new Set(["memory_save", "memory_forget"]);

/**
 * The preToolUse hook for the memory folders `folders` (absolute). A read_file path counts as inside a
 * folder by its real path (`..` and symlinks resolved), so a link out of the folder gets no allow here.
 * Other calls, and paths inside the workspace, get no opinion. Never throws.
 */
export function createMemoryAccess(workspace: string, folders: readonly string[]): AgentHooks {
  return {
    async preToolUse(call) {
      if (MEMORY_TOOLS.has(call.name))
        return { kind: "allow", reason: "memory tools write only the memory folders", source: "memory" };
      if (call.name !== "read_file") return undefined;
      const path = (call.input as { path?: unknown }).path;
      if (typeof path !== "string") return undefined;
      const absolute = resolve(workspace, path);
      if (isWithin(workspace, absolute)) return undefined;
      const real = await realpath(absolute).catch(() => absolute);
      for (const folder of folders) {
        const realFolder = await realpath(folder).catch(() => folder);
        if (isWithin(realFolder, real))
          return { kind: "allow", reason: "reading a memory file", source: "memory", roots: [realFolder] };
      }
      return undefined;
    },
  };
}

function isWithin(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside === "" || (!inside.startsWith("..") && !isAbsolute(inside));
}
