// The settings files hooks come from, in Claude Code's order (until s07's loadSettings is the base,
// this reader stands in for it): ~/.claude/settings.json, .claude/settings.json,
// .claude/settings.local.json, .lcc/settings.local.json.
import { join } from "node:path";
import { readConfigFile } from "@lcc/chapter-kit";
import type { SettingsFile, SettingsScope } from "./hook-config.ts";

export interface LoadedSettingsFiles {
  files: SettingsFile[];
  /** A file that exists but could not be read or parsed: its path and why (the file is left alone). */
  problems: string[];
}

/** The settings files that exist, in order; missing files are skipped silently. Never throws. */
export async function loadSettingsFiles(workspace: string, home: string): Promise<LoadedSettingsFiles> {
  const candidates: Array<[string, SettingsScope]> = [
    [join(home, ".claude", "settings.json"), "user"],
    [join(workspace, ".claude", "settings.json"), "project"],
    [join(workspace, ".claude", "settings.local.json"), "local"],
    [join(workspace, ".lcc", "settings.local.json"), "local"],
  ];
  const files: SettingsFile[] = [];
  const problems: string[] = [];
  for (const [path, scope] of candidates) {
    const read = await readConfigFile(path);
    if (!read.ok) {
      if (read.skip.kind !== "missing") problems.push(`Skipped ${path}: ${read.reason}`);
      continue;
    }
    try {
      files.push({ path, scope, json: JSON.parse(read.text) as unknown });
    } catch (error) {
      problems.push(
        `Skipped ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  return { files, problems };
}
