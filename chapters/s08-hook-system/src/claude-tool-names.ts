// How a hook script written for Claude Code sees our tools: Claude Code's tool names and input fields
// (`file_path`, `old_string`, `new_string`), and how an `updatedInput` in those fields comes back. Pure.
import { isRecord } from "./hook-config.ts";

/** Our tool name → the name Claude Code gives the same tool (unlisted tools keep their name). */
const CLAUDE_NAME_OF: Readonly<Record<string, string>> = {
  bash: "Bash",
  read_file: "Read",
  write_file: "Write",
  edit_file: "Edit",
  glob: "Glob",
  grep: "Grep",
  todo_write: "TodoWrite",
  agent: "Task",
};

/** Our input field → Claude Code's field of the same meaning, for the file tools. */
const FIELD_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ["path", "file_path"],
  ["old_text", "old_string"],
  ["new_text", "new_string"],
];

/** The name a Claude Code hook expects in `tool_name` (bash → Bash, edit_file → Edit, mcp__… as is). */
export function claudeToolName(name: string): string {
  return CLAUDE_NAME_OF[name] ?? name;
}

/** The tool input a hook reads: ours plus Claude Code's field names (`file_path` beside `path`). */
export function hookToolInput(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const copy: Record<string, unknown> = { ...input };
  for (const [ours, theirs] of FIELD_ALIASES)
    if (ours in input && !(theirs in input)) copy[theirs] = input[ours];
  return copy;
}

/**
 * A hook's `updatedInput` in our fields. For each alias pair the field the hook changed wins (a Claude
 * Code script edits `file_path`, one written for us edits `path`); Claude Code's names are then dropped.
 */
export function inputFromHook(updated: unknown, original: unknown): unknown {
  if (!isRecord(updated)) return updated;
  const before = isRecord(original) ? original : {};
  const result: Record<string, unknown> = { ...updated };
  for (const [ours, theirs] of FIELD_ALIASES) {
    if (!(theirs in updated)) continue;
    const oursUnchanged = !(ours in updated) || updated[ours] === before[ours];
    if (oursUnchanged) result[ours] = updated[theirs];
    delete result[theirs];
  }
  return result;
}
