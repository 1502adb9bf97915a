// "Yes always" writes: concurrent grants all land, other settings survive, a corrupt file is never replaced.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addRulesToSettingsFile } from "./persist-rule.ts";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function settingsPath(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "lcc-s07-persist-"));
  folders.push(folder);
  return join(folder, ".lcc", "settings.local.json");
}

describe("addRulesToSettingsFile", () => {
  it("keeps every grant when several are saved at once", async () => {
    const path = await settingsPath();
    const rules = Array.from({ length: 12 }, (_, index) => `Bash(task${index}:*)`);
    await Promise.all(rules.map((rule) => addRulesToSettingsFile(path, "allow", [rule])));
    const saved = JSON.parse(await readFile(path, "utf8"));
    expect([...saved.permissions.allow].sort()).toEqual([...rules].sort());
  });

  it("keeps the rest of the file and does not add a rule twice", async () => {
    const path = await settingsPath();
    await addRulesToSettingsFile(path, "allow", ["Edit(src/**)"]);
    const existing = JSON.parse(await readFile(path, "utf8"));
    await writeFile(
      path,
      JSON.stringify({
        ...existing,
        hooks: { Stop: [] },
        permissions: { ...existing.permissions, deny: ["Bash(rm:*)"] },
      }),
    );
    await addRulesToSettingsFile(path, "allow", ["Edit(src/**)", "Bash(npm test:*)"]);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({
      hooks: { Stop: [] },
      permissions: { allow: ["Edit(src/**)", "Bash(npm test:*)"], deny: ["Bash(rm:*)"] },
    });
  });

  it("refuses to replace a file that is not JSON, naming it", async () => {
    const path = await settingsPath();
    await addRulesToSettingsFile(path, "allow", ["Edit(src/**)"]);
    await writeFile(path, "{ half");
    await expect(addRulesToSettingsFile(path, "allow", ["Bash(ls:*)"])).rejects.toThrow(path);
    expect(await readFile(path, "utf8")).toBe("{ half");
  });
});
