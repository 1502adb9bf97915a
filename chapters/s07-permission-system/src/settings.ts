// The settings files a user already has for Claude Code, plus lcc's own: read once at start, never trusted
// blindly (regular files up to 1 MB; a corrupt one is reported with its path and left as it is).
import { join, resolve } from "node:path";
import { readConfigFileSync } from "@lcc/chapter-kit";
import { isPermissionMode, type PermissionMode } from "./permission-policy.ts";
import { parseRule, type RuleBehavior, type RuleWithSource } from "./permission-rule.ts";

export type SettingsScope = "user" | "project" | "local" | "lcc-local";

/** One settings file that parsed: s07 reads its `permissions`, s08 its `hooks`. */
export interface SettingsFile {
  path: string;
  scope: SettingsScope;
  json: Record<string, unknown>;
}

export interface LoadedSettings {
  /** The files that exist and parsed, from the broadest scope (user) to the narrowest (lcc-local). */
  files: SettingsFile[];
  /** One line per file that exists but could not be used, naming its path and why. */
  problems: string[];
}

/** Where each scope's file is; `lccHome` is `<workspace>/.lcc` unless LCC_HOME moved it. */
export function settingsPaths(
  workspace: string,
  home: string | undefined,
  lccHome = join(workspace, ".lcc"),
) {
  return [
    ...(home ? [{ scope: "user" as const, path: join(home, ".claude", "settings.json") }] : []),
    { scope: "project" as const, path: join(workspace, ".claude", "settings.json") },
    { scope: "local" as const, path: join(workspace, ".claude", "settings.local.json") },
    { scope: "lcc-local" as const, path: join(lccHome, "settings.local.json") },
  ];
}

/**
 * Reads `~/.claude/settings.json` (when `home` is given), `<ws>/.claude/settings.json`,
 * `<ws>/.claude/settings.local.json` and `<lccHome>/settings.local.json`. Never throws: a missing file
 * is skipped silently, anything else wrong becomes a problem line.
 */
export function loadSettings(workspace: string, home?: string, lccHome?: string): LoadedSettings {
  const files: SettingsFile[] = [];
  const problems: string[] = [];
  for (const { scope, path } of settingsPaths(workspace, home, lccHome)) {
    const read = readConfigFileSync(path);
    if (!read.ok) {
      if (read.skip.kind !== "missing") problems.push(`${path} was skipped: ${read.reason}`);
      continue;
    }
    const parsed = parseSettingsJson(read.text);
    if (typeof parsed === "string") problems.push(`${path} was skipped: ${parsed}`);
    else files.push({ path, scope, json: parsed });
  }
  return { files, problems };
}

/** The object in a settings file's text, or why it is not one (the text of a problem). */
export function parseSettingsJson(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch (error) {
    return `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "it is not a JSON object";
  return value as Record<string, unknown>;
}

export interface PermissionSettings {
  rules: RuleWithSource[];
  /** The narrowest file's `defaultMode` wins. */
  defaultMode?: PermissionMode;
  additionalDirectories: string[];
  problems: string[];
}

/** The `permissions` sections of the files: rules with their source, the default mode, extra folders. */
export function permissionSettings(
  settings: LoadedSettings,
  workspace: string,
  home?: string,
): PermissionSettings {
  const result: PermissionSettings = { rules: [], additionalDirectories: [], problems: [] };
  for (const file of settings.files) {
    const permissions = file.json.permissions;
    if (permissions === undefined) continue;
    if (typeof permissions !== "object" || permissions === null) {
      result.problems.push(`${file.path}: "permissions" is not an object, so it was ignored`);
      continue;
    }
    const section = permissions as Record<string, unknown>;
    const root = file.scope === "user" && home ? home : workspace;
    for (const behavior of ["allow", "ask", "deny"] as const satisfies RuleBehavior[])
      for (const text of stringList(section[behavior])) {
        const rule = parseRule(text);
        if (rule) result.rules.push({ rule, behavior, scope: file.scope, path: file.path, root });
        else
          result.problems.push(
            `${file.path}: "${text}" is not a rule (Tool or Tool(content)), so it was ignored`,
          );
      }
    if (section.defaultMode !== undefined) {
      if (isPermissionMode(section.defaultMode)) result.defaultMode = section.defaultMode;
      else result.problems.push(`${file.path}: defaultMode "${String(section.defaultMode)}" is not a mode`);
    }
    for (const folder of stringList(section.additionalDirectories))
      result.additionalDirectories.push(
        folder.startsWith("~/") && home ? join(home, folder.slice(2)) : resolve(root, folder),
      );
  }
  return result;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
