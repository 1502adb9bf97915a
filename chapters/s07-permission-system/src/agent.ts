// The s07 chapter: the s06 agent plus one permission decision per tool call, for the parent and its subagents.
import { join } from "node:path";
import { type Chapter, summarizeInput } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup, type SetupContext, type ToolCall } from "@lcc/s02";
import { lccHome } from "@lcc/s04";
import { type CompactOptions, type CompactSetup, createCompactSetup } from "@lcc/s06";
import { createModeCommand, createPermissionsCommand } from "./permission-commands.ts";
import { createPermissionManager, type PermissionManager } from "./permission-manager.ts";
import { isPermissionMode, type PermissionMode } from "./permission-policy.ts";
import { renderPermissionEvents } from "./permission-renderer.ts";
import { parseRule, type RuleWithSource } from "./permission-rule.ts";
import { loadSettings, permissionSettings } from "./settings.ts";

export interface PermissionOptions {
  /** The starting mode; default: the settings' `defaultMode`, else "default". */
  mode: PermissionMode;
  /** Where `~/.claude/settings.json` and `~/` rules are; default: HOME of the context's env (none: no user file). */
  home: string;
  /** Extra allow rules (`--allowedTools` in lcc), e.g. "Bash(npm test:*)". */
  allowedTools: string[];
  /** Extra deny rules (`--disallowedTools` in lcc). */
  disallowedTools: string[];
  /** Folders outside the workspace that count as inside (on top of the settings' additionalDirectories). */
  additionalDirectories: string[];
  /** s06's options. */
  compact: Partial<CompactOptions>;
}

/** s06's setup plus the permission manager (the `/permissions` and `/mode` commands and lcc drive it). */
export interface PermissionSetup extends CompactSetup {
  permissions: PermissionManager;
}

/** What the model is told once; the mode is not in it (it changes mid-session; denials say which mode refused). */
export function permissionSection(): string {
  return [
    "# Permissions",
    "Every tool call passes a permission check. Read-only tools and read-only commands run at once; others may",
    "need the user's approval. A denied call comes back as an error saying why: do not try to get around a",
    "denial with another tool or command; change approach or ask the user.",
  ].join("\n");
}

/**
 * s06's setup plus the permission phase: rules from the settings files and options, the mode, the
 * question to the user. The same manager checks subagents' calls (childHooks), so a child can do no
 * more than its parent. Problems with settings files are reported as warnings, never fatal.
 */
export function createPermissionSetup(
  context: SetupContext,
  options: Partial<PermissionOptions> = {},
): PermissionSetup {
  const base = createCompactSetup(context, options.compact ?? {});
  const home = options.home ?? context.env?.HOME;
  const stateFolder = lccHome(context.workspace, context.env ?? {});
  const settings = loadSettings(context.workspace, home, stateFolder);
  const fromFiles = permissionSettings(settings, context.workspace, home);
  const flagRule =
    (behavior: "allow" | "deny") =>
    (text: string): RuleWithSource[] => {
      const rule = parseRule(text);
      return rule ? [{ rule, behavior, scope: "flag", root: context.workspace }] : [];
    };
  for (const problem of [...settings.problems, ...fromFiles.problems])
    context.emit({ type: "notice", source: "permissions", level: "warn", text: problem });
  const readOnlyTools = new Set(base.tools.filter((tool) => tool.readOnly).map((tool) => tool.name));
  const byName = new Map(base.tools.map((tool) => [tool.name, tool]));
  const permissions = createPermissionManager({
    workspace: context.workspace,
    ...(home ? { home } : {}),
    mode: options.mode ?? fromFiles.defaultMode ?? "default",
    settings,
    rules: [
      ...(options.disallowedTools ?? []).flatMap(flagRule("deny")),
      ...fromFiles.rules,
      ...(options.allowedTools ?? []).flatMap(flagRule("allow")),
    ],
    additionalDirectories: [...fromFiles.additionalDirectories, ...(options.additionalDirectories ?? [])],
    readOnlyTools,
    localSettingsPath: join(stateFolder, "settings.local.json"),
    emit: context.emit,
    describeCall: (call: ToolCall) =>
      `${call.name}(${byName.get(call.name)?.summarizeInput?.(call.input) ?? summarizeInput(call.input)})`,
  });
  const setup = extendSetup(base, {
    systemSections: [{ name: "permissions", text: permissionSection() }],
    hooks: [permissions.hooks],
    childHooks: [permissions.hooks],
    commands: [createPermissionsCommand(permissions), createModeCommand(permissions)],
    renderers: [renderPermissionEvents],
  });
  return { ...setup, permissions };
}

/** `--permission-mode <mode>` (or `=mode`) from a chapter's arguments; undefined when absent or unknown. */
export function permissionModeFromArgv(argv: readonly string[]): PermissionMode | undefined {
  const index = argv.findIndex((arg) => arg === "--permission-mode" || arg.startsWith("--permission-mode="));
  if (index < 0) return undefined;
  const arg = argv[index] ?? "";
  const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[index + 1];
  return isPermissionMode(value) ? value : undefined;
}

/** The chapter with the given options (main.ts passes the mode from --permission-mode). */
export function createS07Chapter(options: Partial<PermissionOptions> = {}): Chapter {
  return {
    id: "s07",
    title: "permission system",
    createAgent: (context) => createSessionAgent((setup) => createPermissionSetup(setup, options), context),
  };
}

export const s07Chapter: Chapter = createS07Chapter();
