// Solution s02/02: a preToolUse hook that keeps the file tools away from secrets and git's own files.
// It judges the path as it will resolve (`sub/../.env` is `.env`), and its deny reason is the model's next move.
import { relative, resolve, sep } from "node:path";
import type { AgentHooks } from "@lcc/s02";

/** Names the decisions this hook makes (the `source` of its tool_decision events). */
export const PROTECT_FILES_SOURCE = "protect-files";

const WRITING_TOOLS = new Set(["write_file", "edit_file"]);

/** Why `path` (relative to the workspace, already normalised) must not be written, or undefined. */
function protectedBecause(path: string): string | undefined {
  const parts = path.split(sep);
  if (parts.includes(".git")) return "git's own files";
  const name = parts.at(-1) ?? "";
  if (name === ".env" || name.startsWith(".env.")) return "it holds secrets";
  return undefined;
}

/** The hook: write_file and edit_file may not touch `.env`, `.env.*` or anything inside `.git/`. */
export function createProtectFilesHook(): AgentHooks {
  return {
    preToolUse(call, context) {
      if (!WRITING_TOOLS.has(call.name)) return undefined;
      const { path } = call.input as { path: string };
      const because = protectedBecause(relative(context.workspace, resolve(context.workspace, path)));
      if (!because) return undefined;
      return {
        kind: "deny",
        source: PROTECT_FILES_SOURCE,
        reason: `${path} is protected (${because}) and was not changed. Do not try another way; tell the user what to change there.`,
      };
    },
  };
}
