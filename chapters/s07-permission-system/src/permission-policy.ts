// The permission decision for one tool call, as a pure function over plain data:
// deny rules → ask rules → a PreToolUse hook's verdict → mode → allow rules (and what is safe by nature) → ask.
import { relative, resolve } from "node:path";
import { type CommandSegment, parseBashCommand } from "./bash-command.ts";
import { matchesBashContent, suggestBashRule } from "./bash-rules.ts";
import { hiddenCommandSegments } from "./hidden-commands.ts";
import { folderPatternFor, isWithin, matchesPathPattern } from "./path-rules.ts";
import type { PermissionRule, RuleWithSource } from "./permission-rule.ts";
import { isReadOnlySegment } from "./read-only-commands.ts";
import { FILE_EDIT_TOOLS, FILE_READ_TOOLS, HARMLESS_TOOLS, matchesToolName } from "./tool-aliases.ts";

export const PERMISSION_MODES = ["default", "acceptEdits", "plan", "bypassPermissions"] as const;
export type PermissionMode = (typeof PERMISSION_MODES)[number];

export function isPermissionMode(value: unknown): value is PermissionMode {
  return typeof value === "string" && (PERMISSION_MODES as readonly string[]).includes(value);
}

export interface PolicyInput {
  name: string;
  input: unknown;
  /** The tool's metadata flag: it never changes anything. */
  readOnly?: boolean;
  /** The tool's metadata flag: it changes only the agent's own state (tasks, its own commands). */
  ownStateOnly?: boolean;
  /** File tools: the paths the call touches, absolute with symlinks resolved (the caller resolves them). */
  paths: readonly string[];
  rules: readonly RuleWithSource[];
  mode: PermissionMode;
  /** Resolved workspace; `./x` patterns and "inside" are relative to it. */
  workspace: string;
  home?: string;
  /** Resolved folders outside the workspace that count as inside (settings and flags). */
  additionalDirectories: readonly string[];
  /** What the PreToolUse hooks decided (s08): an allow skips the question, never a deny rule. */
  earlier?: { kind: "allow" | "ask"; reason?: string };
}

export interface PolicyVerdict {
  kind: "allow" | "ask" | "deny";
  /** Why, for the user and the model ("denied by Bash(rm:*) in .claude/settings.json"). */
  reason: string;
  /** The rule that decided, if one did. */
  rule?: RuleWithSource;
  /** For ask: the narrowest rules that would allow this call (what "yes always" saves). */
  suggestions: PermissionRule[];
  /** For ask: the mode that would allow it without a rule, if any. */
  mode?: PermissionMode;
}

/** Decides one call. Pure; never throws. */
export function decidePermission(call: PolicyInput): PolicyVerdict {
  const isBash = call.name === "bash";
  const parsed = isBash ? parseBashCommand(commandOf(call.input)) : undefined;
  const segments = parsed?.ok ? parsed.segments : undefined;
  // Deny and ask rules also see what hides behind wrappers and inside substitutions (`timeout 5 rm …`).
  const hidden = isBash ? hiddenCommandSegments(commandOf(call.input)) : undefined;
  const matching = (behavior: RuleWithSource["behavior"], every: boolean) =>
    call.rules.find(
      (entry) =>
        entry.behavior === behavior &&
        ruleMatches(entry, call, every ? segments : hidden, parsed?.ok === false, every),
    );

  const deny = matching("deny", false) ?? (hidden?.length ? readDenyForArguments(call, hidden) : undefined);
  if (deny) return verdict("deny", `denied by the rule ${describe(deny, call.workspace)}`, deny);
  const ask = matching("ask", false);
  if (ask)
    return {
      ...verdict("ask", `the rule ${describe(ask, call.workspace)} asks`, ask),
      ...suggest(call, segments),
    };
  if (call.earlier?.kind === "allow")
    return verdict("allow", call.earlier.reason ?? "allowed by a PreToolUse hook");
  if (call.earlier?.kind === "ask")
    return { ...verdict("ask", call.earlier.reason ?? "a PreToolUse hook asks"), ...suggest(call, segments) };

  const inside = call.paths.every((path) => isInsideAllowed(call, path));
  const readsOnly =
    HARMLESS_TOOLS.has(call.name) ||
    call.ownStateOnly === true ||
    (FILE_READ_TOOLS.has(call.name) && inside) ||
    (call.readOnly === true && !FILE_READ_TOOLS.has(call.name)) ||
    segments?.every(isReadOnlySegment) === true;
  if (call.mode === "bypassPermissions") return verdict("allow", "bypassPermissions mode");
  if (call.mode === "plan" && !readsOnly && !(FILE_READ_TOOLS.has(call.name) || call.readOnly))
    return verdict(
      "deny",
      "plan mode allows only read-only tools and read-only bash commands; present the plan to the user and wait for approval before changing anything",
    );
  if (call.mode === "acceptEdits" && FILE_EDIT_TOOLS.has(call.name) && inside)
    return verdict("allow", "acceptEdits mode (file edits inside the workspace)");

  if (readsOnly) return verdict("allow", isBash ? "read-only command" : "read-only tool");
  if (parsed && !parsed.ok)
    return { ...verdict("ask", `this command needs a look: ${parsed.reason}`), suggestions: [] };
  if (segments) {
    const allowedBy = segments.map((segment) =>
      isReadOnlySegment(segment)
        ? "read-only"
        : call.rules.find(
            (entry) => entry.behavior === "allow" && ruleMatches(entry, { ...call }, [segment], false, true),
          ),
    );
    const rule = allowedBy.find((entry): entry is RuleWithSource => typeof entry === "object");
    if (allowedBy.every(Boolean))
      return verdict(
        "allow",
        rule ? `allowed by ${describe(rule, call.workspace)}` : "read-only command",
        rule,
      );
    const parts = segments.filter((_, index) => !allowedBy[index]);
    return {
      ...verdict("ask", "no rule allows this command"),
      suggestions: dedupe(parts.map(suggestBashRule)),
    };
  }
  const allow = matching("allow", true);
  if (allow) return verdict("allow", `allowed by ${describe(allow, call.workspace)}`, allow);
  const why =
    FILE_READ_TOOLS.has(call.name) || !inside ? "it reaches outside the workspace" : "no rule allows it";
  return { ...verdict("ask", why), ...suggest(call, segments) };
}

function ruleMatches(
  entry: RuleWithSource,
  call: PolicyInput,
  segments: readonly CommandSegment[] | undefined,
  unsure: boolean,
  every: boolean,
): boolean {
  const { rule } = entry;
  if (!matchesToolName(rule.tool, call.name)) return false;
  if (rule.content === undefined) return true;
  const content = rule.content;
  if (call.name === "bash") {
    if (!every)
      return (
        (segments ?? []).some((segment) => matchesBashContent(content, segment)) ||
        // A command this check cannot split is also matched whole, so a deny prefix still catches it.
        (unsure && commandOf(call.input).trim().startsWith(content.replace(/:\*$/, "").trim()))
      );
    if (unsure || !segments) return false;
    return segments.every((segment) => matchesBashContent(content, segment));
  }
  if (
    !(call.name in { read_file: 1, write_file: 1, edit_file: 1, glob: 1, grep: 1 }) ||
    call.paths.length === 0
  )
    return false;
  const anchors = { workspace: call.workspace, root: entry.root, ...(call.home ? { home: call.home } : {}) };
  const test = (path: string) => matchesPathPattern(content, path, anchors);
  return every ? call.paths.every(test) : call.paths.some(test);
}

/**
 * A `Read(...)` deny rule also covers a command's arguments read as paths (`cat .env` under `Read(./.env)`),
 * so a read-only command cannot read what the read tool may not. Arguments are taken as written.
 */
function readDenyForArguments(
  call: PolicyInput,
  segments: readonly CommandSegment[],
): RuleWithSource | undefined {
  const paths = segments.flatMap((segment) =>
    segment.words
      .slice(1)
      .filter((word) => !word.startsWith("-"))
      .map((word) => resolve(call.workspace, word)),
  );
  if (paths.length === 0) return undefined;
  const asRead = { ...call, name: "read_file", paths };
  return call.rules.find(
    (entry) =>
      entry.behavior === "deny" &&
      entry.rule.content !== undefined &&
      ruleMatches(entry, asRead, undefined, false, false),
  );
}

function isInsideAllowed(call: PolicyInput, path: string): boolean {
  return [call.workspace, ...call.additionalDirectories].some((root) => isWithin(root, path));
}

/** What would allow the call: a rule for each path's folder or the tool, and a mode for edits. */
function suggest(call: PolicyInput, segments: readonly CommandSegment[] | undefined) {
  if (segments)
    return { suggestions: dedupe(segments.filter((part) => !isReadOnlySegment(part)).map(suggestBashRule)) };
  const isEdit = FILE_EDIT_TOOLS.has(call.name);
  if (isEdit || FILE_READ_TOOLS.has(call.name)) {
    const tool = isEdit ? "Edit" : "Read";
    const suggestions = dedupe(
      call.paths.map((path) => ({ tool, content: folderPatternFor(path, call.workspace) })),
    );
    const inside = call.paths.every((path) => isInsideAllowed(call, path));
    return { suggestions, ...(isEdit && inside ? { mode: "acceptEdits" as const } : {}) };
  }
  return { suggestions: [{ tool: call.name }] };
}

function verdict(kind: PolicyVerdict["kind"], reason: string, rule?: RuleWithSource): PolicyVerdict {
  return { kind, reason, suggestions: [], ...(rule ? { rule } : {}) };
}

function describe(entry: RuleWithSource, workspace: string): string {
  const rule =
    entry.rule.content === undefined ? entry.rule.tool : `${entry.rule.tool}(${entry.rule.content})`;
  if (!entry.path) return `${rule} (${entry.scope})`;
  return `${rule} in ${isWithin(workspace, entry.path) ? relative(workspace, entry.path) : entry.path}`;
}

function dedupe(rules: PermissionRule[]): PermissionRule[] {
  const seen = new Set<string>();
  return rules.filter((rule) => {
    const key = `${rule.tool}(${rule.content ?? ""})`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function commandOf(input: unknown): string {
  const command = (input as { command?: unknown } | undefined)?.command;
  return typeof command === "string" ? command : "";
}
