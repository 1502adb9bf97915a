// The chapter s08 builds on, in one place: s06's setup and the settings files read here. When s07
// (permissions) is the base, this file changes alone: createPermissionSetup and its loaded settings.

import type { SetupContext } from "@lcc/s02";
import { type CompactOptions, type CompactSetup, createCompactSetup } from "@lcc/s06";
import type { SettingsFile } from "./hook-config.ts";
import { loadSettingsFiles } from "./settings-files.ts";

export type BaseSetup = CompactSetup;

export interface BaseOptions {
  compact?: Partial<CompactOptions>;
}

/** The earlier chapters' setup plus the settings files hooks come from (problems reported as notices). */
export async function createBaseSetup(
  context: SetupContext,
  home: string,
  options: BaseOptions = {},
): Promise<{ base: BaseSetup; settings: SettingsFile[] }> {
  const base = createCompactSetup(context, options.compact ?? {});
  const loaded = await loadSettingsFiles(context.workspace, home);
  for (const text of loaded.problems) context.emit({ type: "notice", source: "hooks", level: "warn", text });
  return { base, settings: loaded.files };
}
