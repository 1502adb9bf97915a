// Exercise s02/02: a preToolUse hook that keeps the file tools away from secrets and git's own files.
// Right now it has no opinion on any call; make it deny the calls README.md describes.
import type { AgentHooks } from "@lcc/s02";

/** Names the decisions this hook makes (the `source` of its tool_decision events). */
export const PROTECT_FILES_SOURCE = "protect-files";

/** The hook: write_file and edit_file may not touch `.env`, `.env.*` or anything inside `.git/`. */
export function createProtectFilesHook(): AgentHooks {
  return {
    preToolUse(_call, _context) {
      return undefined;
    },
  };
}
