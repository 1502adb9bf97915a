// Which hooks apply to a tool call (or a compaction trigger, a session source): Claude Code's matchers. Pure.
import { toolNamesFor } from "./claude-tool-names.ts";

/**
 * True when `matcher` selects `target`. `*` or "" select everything; a plain list (`Edit|Write`,
 * `Bash`) compares names exactly; anything else is a regular expression that must match a whole name
 * (`mcp__github__.*`, `Notebook.*`). A tool is known by every name toolNamesFor gives it, so
 * `Edit|Write` selects edit_file and write_file. An invalid regular expression selects nothing.
 */
export function matchesHook(matcher: string, target: string, options: { isTool: boolean }): boolean {
  const pattern = matcher.trim();
  if (pattern === "" || pattern === "*") return true;
  const names = options.isTool ? toolNamesFor(target) : [target];
  if (/^[\w-]+(\|[\w-]+)*$/.test(pattern)) {
    const listed = pattern.split("|");
    return names.some((name) => listed.includes(name));
  }
  let expression: RegExp;
  try {
    expression = new RegExp(`^(?:${pattern})$`);
  } catch {
    return false;
  }
  return names.some((name) => expression.test(name));
}
