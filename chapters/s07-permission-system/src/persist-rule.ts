// "Yes always" and `/permissions allow|ask|deny|remove`: `.lcc/settings.local.json` changes by read-modify-write
// under an owner lock (chapter-kit), written atomically. A corrupt file is never overwritten: the caller reports it and the grant stays for the session.
import { readConfigFileSync, withOwnerLock } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";
import type { RuleBehavior } from "./permission-rule.ts";
import { parseSettingsJson } from "./settings.ts";

/**
 * Adds each rule to `permissions.<behavior>` of the settings file at `path` (created with its folder
 * when missing), keeping everything else in the file. Throws an Error naming `path` when the file is not
 * valid JSON, not an object, or cannot be locked or written; the file is then left untouched.
 */
export async function addRulesToSettingsFile(
  path: string,
  behavior: RuleBehavior,
  rules: readonly string[],
): Promise<void> {
  await editPermissions(path, (section) => {
    const existing = Array.isArray(section[behavior]) ? (section[behavior] as unknown[]) : [];
    const added = rules.filter((rule) => !existing.includes(rule));
    return added.length === 0 ? undefined : { ...section, [behavior]: [...existing, ...added] };
  });
}

/**
 * Removes every entry of `permissions.allow/ask/deny` in the settings file at `path` for which `matches`
 * holds; returns the lists it was removed from (none when the file is missing). Throws like addRulesToSettingsFile.
 */
export async function removeRulesFromSettingsFile(
  path: string,
  matches: (rule: string) => boolean,
): Promise<RuleBehavior[]> {
  const removedFrom: RuleBehavior[] = [];
  await editPermissions(path, (section) => {
    const next = { ...section };
    for (const behavior of ["allow", "ask", "deny"] as const) {
      const list = section[behavior];
      if (!Array.isArray(list)) continue;
      const kept = list.filter((rule) => typeof rule !== "string" || !matches(rule));
      if (kept.length === list.length) continue;
      next[behavior] = kept;
      removedFrom.push(behavior);
    }
    return removedFrom.length === 0 ? undefined : next;
  });
  return removedFrom;
}

/** Read-modify-write of the file's `permissions` object under the lock; `edit` returns undefined for "no change". */
async function editPermissions(
  path: string,
  edit: (section: Record<string, unknown>) => Record<string, unknown> | undefined,
): Promise<void> {
  await withOwnerLock(`${path}.lock`, async () => {
    const read = readConfigFileSync(path);
    let json: Record<string, unknown> = {};
    if (read.ok) {
      const parsed = parseSettingsJson(read.text);
      if (typeof parsed === "string") throw new Error(`${path} was left as it is: ${parsed}`);
      json = parsed;
    } else if (read.skip.kind !== "missing") throw new Error(`${path} was left as it is: ${read.reason}`);
    const permissions = json.permissions ?? {};
    if (typeof permissions !== "object" || permissions === null || Array.isArray(permissions))
      throw new Error(`${path} was left as it is: "permissions" is not an object`);
    const next = edit(permissions as Record<string, unknown>);
    if (next === undefined) return;
    await writeFileAtomic(path, `${JSON.stringify({ ...json, permissions: next }, null, 2)}\n`, {
      mode: 0o600,
    });
  });
}
