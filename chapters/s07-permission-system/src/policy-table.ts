// Shared pieces of the permission table tests: rule sets as plain lists, call builders, one case's verdict.
import { isAbsolute, resolve } from "node:path";
import { decidePermission, type PermissionMode } from "./permission-policy.ts";
import { parseRule, type RuleBehavior, type RuleWithSource } from "./permission-rule.ts";

export const WORKSPACE = "/work/shop";
export const HOME = "/home/ada";

export interface Rules {
  allow?: string[];
  ask?: string[];
  deny?: string[];
  /** Rules from ~/.claude/settings.json (`/x` is relative to home there). */
  user?: string[];
}

export function rulesFrom(rules: Rules): RuleWithSource[] {
  const entries: RuleWithSource[] = [];
  for (const behavior of ["allow", "ask", "deny"] as const satisfies RuleBehavior[])
    for (const text of rules[behavior] ?? [])
      entries.push({
        rule: parseRule(text)!,
        behavior,
        scope: "project",
        path: `${WORKSPACE}/.claude/settings.json`,
        root: WORKSPACE,
      });
  for (const text of rules.user ?? [])
    entries.push({
      rule: parseRule(text)!,
      behavior: "allow",
      scope: "user",
      path: `${HOME}/.claude/settings.json`,
      root: HOME,
    });
  return entries;
}

export const bash = (command: string) => ["bash", { command }] as const;
export const read = (path: string) => ["read_file", { path }] as const;
export const write = (path: string) => ["write_file", { path, content: "x" }] as const;
export const edit = (path: string) => ["edit_file", { path, old_text: "a", new_text: "b" }] as const;

/** [what it shows, the rules, the mode, the call, the expected verdict]. */
export type Case = [string, Rules, PermissionMode, readonly [string, unknown], "allow" | "ask" | "deny"];

/** The verdict for one row: file tools' paths resolved against WORKSPACE as written (no file system). */
export function verdictOf([_name, rules, mode, [name, input]]: Case): string {
  const path = (input as { path?: string }).path ?? ".";
  const paths =
    name === "grep" || name.endsWith("_file") ? [isAbsolute(path) ? path : resolve(WORKSPACE, path)] : [];
  return decidePermission({
    name,
    input,
    readOnly: name === "read_file",
    paths,
    rules: rulesFrom(rules),
    mode,
    workspace: WORKSPACE,
    home: HOME,
    additionalDirectories: [],
  }).kind;
}
