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
  // TODO: only the command as written is checked, so `timeout 5 rm -rf x` and `echo $(rm -rf x)` slip past
  // a Bash(rm:*) deny rule. Also return what hides behind WRAPPERS and ASSIGNMENT words (split the command
  // with parseBashCommand) and inside $(…) and backticks.
  return [command];
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
