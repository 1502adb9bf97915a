// The PreToolUse phase for memory: memory_save and memory_forget write only the agent's own memory
// folders, so they run without a question; read_file may read a memory file outside the workspace
// (~/.lcc/memory). An allow here never beats a deny rule (s07 decides after it).
import { isAbsolute, relative, resolve } from "node:path";
import type { AgentHooks } from "@lcc/s02";

const MEMORY_TOOLS = new Set(["memory_save", "memory_forget"]);

/** The preToolUse hook for the memory folders `folders` (absolute). */
export function createMemoryAccess(workspace: string, folders: readonly string[]): AgentHooks {
  return {
    preToolUse(call) {
      if (MEMORY_TOOLS.has(call.name))
        return { kind: "allow", reason: "memory tools write only the memory folders", source: "memory" };
      if (call.name !== "read_file") return undefined;
      const path = (call.input as { path?: unknown }).path;
      if (typeof path !== "string") return undefined;
      const absolute = resolve(workspace, path);
      const folder = folders.find((candidate) => isWithin(candidate, absolute));
      if (!folder || isWithin(workspace, absolute)) return undefined;
      return { kind: "allow", reason: "reading a memory file", source: "memory", roots: [folder] };
    },
  };
}

function isWithin(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside === "" || (!inside.startsWith("..") && !isAbsolute(inside));
}
