// A deny check that also sees the commands hidden behind a wrapper (`timeout 5 rm …`, `FOO=1 nice rm …`)
// or inside a command substitution (`echo $(rm …)`), plugged into the loop's permission phase after s07's.
import type { AgentHooks } from "@lcc/s02";
import { formatRule, matchesBashContent, type PermissionRule, parseBashCommand, parseRule } from "@lcc/s07";

/** Programs that run the words after them (and their own options) as another command. */
export const WRAPPERS = new Set("command env exec nice nohup stdbuf sudo time timeout xargs".split(" "));
/** `NAME=value` before a program sets a variable for it. */
export const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Every command text a deny rule must be matched against: `command` itself, the commands inside each
 * `$(…)` and backtick pair (recursively), and, for a simple command behind `NAME=value` words or a wrapper,
 * the command after them — after a wrapper every later word may be the program (its options are unknown
 * here), so each tail is returned: a deny check errs on the side of denying. Pure.
 */
export function hiddenCommands(command: string): string[] {
  const substitutions = substitutionsOf(command);
  const outer = substitutions.reduce((text, { whole }) => text.replace(whole, "_"), command);
  const found = [command];
  const parsed = parseBashCommand(outer);
  if (parsed.ok) for (const segment of parsed.segments) found.push(...unwrapped(segment.words));
  for (const { body } of substitutions) found.push(...hiddenCommands(body));
  return found;
}

function unwrapped(words: readonly string[]): string[] {
  let start = 0;
  while (ASSIGNMENT.test(words[start] ?? "")) start++;
  const rest = words.slice(start);
  if (!WRAPPERS.has(rest[0] ?? "")) return start > 0 && rest.length > 0 ? [rest.join(" ")] : [];
  return rest.slice(1).map((_, index) => rest.slice(index + 1).join(" "));
}

/** `$(…)` (parentheses balanced) and `` `…` `` in `command`, outermost first. */
function substitutionsOf(command: string): Array<{ whole: string; body: string }> {
  const found: Array<{ whole: string; body: string }> = [];
  for (let index = 0; index < command.length; index++) {
    if (command.startsWith("$(", index)) {
      let depth = 0;
      let end = index + 1;
      for (; end < command.length; end++) {
        if (command[end] === "(") depth++;
        if (command[end] === ")" && --depth === 0) break;
      }
      found.push({ whole: command.slice(index, end + 1), body: command.slice(index + 2, end) });
      index = end;
    } else if (command[index] === "`") {
      const end = command.indexOf("`", index + 1);
      if (end === -1) break;
      found.push({ whole: command.slice(index, end + 1), body: command.slice(index + 1, end) });
      index = end;
    }
  }
  return found;
}

/**
 * The permission-phase check: denies a bash call when any of its hidden commands matches one of the
 * `Bash(…)` deny rules given (e.g. "Bash(rm:*)"); no opinion otherwise, so s07's verdict stands.
 */
export function createHiddenCommandDenyCheck(denyRules: readonly string[]): AgentHooks {
  const rules = denyRules
    .map(parseRule)
    .filter((rule): rule is PermissionRule => rule?.tool === "Bash" && rule.content !== undefined);
  return {
    permission(call) {
      const command = (call.input as { command?: unknown }).command;
      if (call.name !== "bash" || typeof command !== "string") return undefined;
      for (const hidden of hiddenCommands(command)) {
        const parsed = parseBashCommand(hidden);
        if (!parsed.ok) continue;
        const rule = rules.find((candidate) =>
          parsed.segments.some((segment) => matchesBashContent(candidate.content ?? "", segment)),
        );
        if (rule)
          return { kind: "deny", reason: `denied by the rule ${formatRule(rule)}: it runs "${hidden}"` };
      }
      return undefined;
    },
  };
}
