// The `hooks` section of a Claude Code settings file, parsed into a flat list of command hooks.
// Pure: s07 read the files; a malformed entry is reported, never thrown.

/** The events s08 runs hooks for (Claude Code's names). */
export const HOOK_EVENTS = [
  "SessionStart",
  "UserPromptSubmit",
  "PreToolUse",
  "PostToolUse",
  "Stop",
  "SubagentStop",
  "PreCompact",
  "SessionEnd",
  "Notification",
] as const;
export type HookEventName = (typeof HOOK_EVENTS)[number];

/** Seconds a hook may run when its entry sets no `timeout` (Claude Code's default). */
export const DEFAULT_HOOK_TIMEOUT_SECONDS = 60;

/** s07 read the settings files; a `user` file's hooks always run, the workspace's need it trusted. */
import type { SettingsFile, SettingsScope } from "@lcc/s07";

export type { SettingsFile, SettingsScope };

/** One command hook: which event, which tool (or trigger) it matches, what it runs and where it came from. */
export interface CommandHook {
  event: HookEventName;
  /** `*` or "" (everything), `Edit|Write` (a list), or a regular expression. */
  matcher: string;
  command: string;
  timeoutSeconds: number;
  source: { path: string; scope: SettingsFile["scope"] };
}

export interface ParsedHooks {
  hooks: CommandHook[];
  /** One line per entry that was skipped, naming the file and what was wrong. */
  problems: string[];
}

/**
 * The command hooks of `file`'s `hooks` section:
 * `{ "PreToolUse": [{ "matcher": "Edit|Write", "hooks": [{ "type": "command", "command": "…", "timeout": 30 }] }] }`.
 * Unknown events (PermissionRequest …) and non-command hooks are reported and skipped.
 */
export function parseHooks(file: SettingsFile): ParsedHooks {
  const hooks: CommandHook[] = [];
  const problems: string[] = [];
  const section = isRecord(file.json) ? file.json.hooks : undefined;
  if (section === undefined) return { hooks, problems };
  if (!isRecord(section)) return { hooks, problems: [`${file.path}: "hooks" is not an object`] };
  for (const [event, groups] of Object.entries(section)) {
    if (!(HOOK_EVENTS as readonly string[]).includes(event)) {
      problems.push(`${file.path}: hooks for ${event} are not supported here (skipped)`);
      continue;
    }
    if (!Array.isArray(groups)) {
      problems.push(`${file.path}: hooks.${event} is not a list`);
      continue;
    }
    for (const group of groups) {
      const matcher = isRecord(group) && typeof group.matcher === "string" ? group.matcher : "";
      const entries = isRecord(group) && Array.isArray(group.hooks) ? group.hooks : undefined;
      if (!entries) {
        problems.push(`${file.path}: an entry of hooks.${event} has no "hooks" list`);
        continue;
      }
      for (const entry of entries) {
        if (!isRecord(entry) || entry.type !== "command" || typeof entry.command !== "string") {
          problems.push(
            `${file.path}: hooks.${event} has an entry that is not {"type":"command","command":…}`,
          );
          continue;
        }
        const timeout = typeof entry.timeout === "number" && entry.timeout > 0 ? entry.timeout : undefined;
        hooks.push({
          event: event as HookEventName,
          matcher,
          command: entry.command,
          timeoutSeconds: timeout ?? DEFAULT_HOOK_TIMEOUT_SECONDS,
          source: { path: file.path, scope: file.scope },
        });
      }
    }
  }
  return { hooks, problems };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
