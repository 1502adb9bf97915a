// Which hooks apply to a tool call (or a compaction trigger, a session source): Claude Code's matchers,
// with tool names understood as s07's rules understand them (Claude Code's names as aliases). Pure.
import { matchesToolName } from "@lcc/s07";
import { claudeToolName } from "./claude-tool-names.ts";

/**
 * True when `matcher` selects `target`. `*` or "" select everything; a plain list (`Edit|Write`,
 * `Bash`, `mcp__github__*`) selects a tool any alternative names (s07's matchesToolName: ours, or a
 * Claude Code alias, so `Edit|Write` selects edit_file and write_file); anything else is a regular
 * expression that must match the whole name, ours or Claude Code's (`Notebook.*`). For other targets
 * (`auto`, `startup`) the names compare as they are. An invalid regular expression selects nothing.
 */
export function matchesHook(matcher: string, target: string, options: { isTool: boolean }): boolean {
  const pattern = matcher.trim();
  if (pattern === "" || pattern === "*") return true;
  if (/^[\w-]+\*?(\|[\w-]+\*?)*$/.test(pattern)) {
    const listed = pattern.split("|");
    return options.isTool ? listed.some((name) => matchesToolName(name, target)) : listed.includes(target);
  }
  let expression: RegExp;
  try {
    expression = new RegExp(`^(?:${pattern})$`);
  } catch {
    return false;
  }
  const names = options.isTool ? [target, claudeToolName(target)] : [target];
  return names.some((name) => expression.test(name));
}
