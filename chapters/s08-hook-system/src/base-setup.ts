// The chapter s08 builds on, in one place: s07's permission setup (itself on s06) and the settings
// files it already read; s08 reads their `hooks` sections.
import type { SetupContext } from "@lcc/s02";
import { createPermissionSetup, type PermissionOptions, type PermissionSetup } from "@lcc/s07";
import type { SettingsFile } from "./hook-config.ts";

export type BaseSetup = PermissionSetup;

export interface BaseOptions {
  /** s07's options (mode, allowed/disallowed tools, s06's compaction options). */
  permissions?: Partial<PermissionOptions>;
}

/**
 * The earlier chapters' setup plus the parsed settings files hooks come from. s07 reports the files
 * that could not be read; `home` is where ~/.claude/settings.json is looked for (none: no user file).
 */
export async function createBaseSetup(
  context: SetupContext,
  home: string | undefined,
  options: BaseOptions = {},
): Promise<{ base: BaseSetup; settings: readonly SettingsFile[] }> {
  const base = createPermissionSetup(context, { ...options.permissions, ...(home ? { home } : {}) });
  return { base, settings: base.permissions.settings.files };
}
