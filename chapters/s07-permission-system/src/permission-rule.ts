// A permission rule in Claude Code syntax: `Tool` or `Tool(content)`, e.g. `Bash(npm test:*)`, `Edit(src/**)`.
// Pure parsing and printing; where a rule came from is kept beside it for /permissions and messages.

export type RuleBehavior = "allow" | "ask" | "deny";

/** Where a rule was read: a settings file's scope, this session's answers, or a command-line flag. */
export type RuleScope = "user" | "project" | "local" | "lcc-local" | "session" | "flag";

export interface PermissionRule {
  /** The tool part as written (`Bash`, `Edit`, `mcp__github__*`). */
  tool: string;
  /** The part in parentheses; undefined when the rule names the whole tool. */
  content?: string;
}

export interface RuleWithSource {
  rule: PermissionRule;
  behavior: RuleBehavior;
  scope: RuleScope;
  /** The settings file the rule is in (absent for session and flag rules). */
  path?: string;
  /** The directory `/…` path patterns are relative to: the settings file's project (or home). */
  root: string;
}

/** Parses `Tool` or `Tool(content)`; undefined for text that is neither. `Tool(*)` and `Tool()` name the whole tool. */
export function parseRule(text: string): PermissionRule | undefined {
  const match = /^\s*([A-Za-z0-9_*-]+)\s*(?:\(([\s\S]*)\))?\s*$/.exec(text);
  if (!match?.[1]) return undefined;
  const content = match[2]?.trim();
  if (content === undefined || content === "" || content === "*") return { tool: match[1] };
  return { tool: match[1], content };
}

/** The rule as a person writes it. */
export function formatRule(rule: PermissionRule): string {
  return rule.content === undefined ? rule.tool : `${rule.tool}(${rule.content})`;
}

/** Where a rule came from, for messages: "Bash(rm:*) in .claude/settings.json". */
export function describeSource(entry: RuleWithSource): string {
  const where = entry.path ?? (entry.scope === "session" ? "this session" : "a command-line flag");
  return `${formatRule(entry.rule)} (${entry.behavior}, ${where})`;
}
