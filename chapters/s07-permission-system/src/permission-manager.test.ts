// The manager's I/O half: symlinks resolved before path rules, settings files read from every scope.
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPermissionManager } from "./permission-manager.ts";
import type { PermissionMode } from "./permission-policy.ts";
import { parseRule } from "./permission-rule.ts";
import { loadSettings, permissionSettings } from "./settings.ts";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function setup() {
  const root = await realpath(await mkdtemp(join(tmpdir(), "lcc-s07-")));
  folders.push(root);
  const workspace = join(root, "ws");
  const outside = join(root, "outside");
  const home = join(root, "home");
  await mkdir(join(workspace, "src"), { recursive: true });
  await mkdir(outside, { recursive: true });
  await mkdir(join(home, ".claude"), { recursive: true });
  await writeFile(join(outside, "secret.txt"), "s");
  await writeFile(join(workspace, "src", "a.ts"), "a");
  await symlink(join(outside, "secret.txt"), join(workspace, "link-out.txt"));
  await symlink(join(workspace, "src"), join(outside, "link-in"));
  const manager = (mode: PermissionMode = "default", allow: string[] = []) =>
    createPermissionManager({
      workspace,
      mode,
      settings: { files: [], problems: [] },
      rules: allow.map((text) => ({
        rule: parseRule(text)!,
        behavior: "allow" as const,
        scope: "flag" as const,
        root: workspace,
      })),
      additionalDirectories: [],
      readOnlyTools: new Set(["read_file"]),
      localSettingsPath: join(workspace, ".lcc", "settings.local.json"),
      emit: () => {},
    });
  return { workspace, outside, home, manager };
}

const call = (name: string, path: string) => ({ id: "toolu_1", name, input: { path, content: "x" } });

describe("symlinks are resolved before path rules", () => {
  it("asks for a link inside the workspace that points outside", async () => {
    const { manager } = await setup();
    expect((await manager().decide(call("read_file", "link-out.txt"))).kind).toBe("ask");
    expect((await manager("acceptEdits").decide(call("write_file", "link-out.txt"))).kind).toBe("ask");
  });

  it("allows a path outside whose link leads into the workspace", async () => {
    const { manager, outside } = await setup();
    expect((await manager().decide(call("read_file", join(outside, "link-in", "a.ts")))).kind).toBe("allow");
    expect(
      (await manager("acceptEdits").decide(call("edit_file", join(outside, "link-in", "a.ts")))).kind,
    ).toBe("allow");
  });

  it("matches path rules against the real path", async () => {
    const { manager, outside } = await setup();
    const rules = manager("default", ["Edit(src/**)"]);
    expect((await rules.decide(call("write_file", join(outside, "link-in", "new.ts")))).kind).toBe("allow");
    expect((await rules.decide(call("write_file", "src/../link-out.txt"))).kind).toBe("ask");
  });

  it("judges a file not written yet by the folder it would be created in", async () => {
    const { manager, workspace } = await setup();
    await symlink("/", join(workspace, "src", "root"));
    expect((await manager("acceptEdits").decide(call("write_file", "src/root/tmp/new.txt"))).kind).toBe(
      "ask",
    );
    expect((await manager("acceptEdits").decide(call("write_file", "src/new/deep/file.txt"))).kind).toBe(
      "allow",
    );
  });
});

describe("settings files", () => {
  it("reads every scope, with rules' roots and the narrowest defaultMode", async () => {
    const { workspace, home } = await setup();
    await writeFile(
      join(home, ".claude", "settings.json"),
      JSON.stringify({ permissions: { allow: ["Read(/notes/**)"], defaultMode: "plan" } }),
    );
    await mkdir(join(workspace, ".claude"), { recursive: true });
    await mkdir(join(workspace, ".lcc"), { recursive: true });
    await writeFile(
      join(workspace, ".claude", "settings.json"),
      JSON.stringify({ permissions: { deny: ["Bash(curl:*)"], additionalDirectories: ["../shared"] } }),
    );
    await writeFile(
      join(workspace, ".claude", "settings.local.json"),
      JSON.stringify({ permissions: { defaultMode: "acceptEdits" } }),
    );
    await writeFile(
      join(workspace, ".lcc", "settings.local.json"),
      JSON.stringify({ permissions: { allow: ["Bash(npm test:*)"] }, hooks: {} }),
    );
    const settings = loadSettings(workspace, home);
    expect(settings.files.map((file) => file.scope)).toEqual(["user", "project", "local", "lcc-local"]);
    expect(settings.files[3]?.json.hooks).toEqual({});
    const permissions = permissionSettings(settings, workspace, home);
    expect(permissions.defaultMode).toBe("acceptEdits");
    expect(permissions.additionalDirectories).toEqual([join(workspace, "..", "shared")]);
    expect(permissions.rules.map((entry) => [entry.behavior, entry.scope, entry.root])).toEqual([
      ["allow", "user", home],
      ["deny", "project", workspace],
      ["allow", "lcc-local", workspace],
    ]);
  });

  it("reports a corrupt file, a non-object and a bad rule with their paths, and keeps the rest", async () => {
    const { workspace } = await setup();
    await mkdir(join(workspace, ".claude"), { recursive: true });
    await writeFile(join(workspace, ".claude", "settings.json"), "{ oops");
    await writeFile(
      join(workspace, ".claude", "settings.local.json"),
      JSON.stringify({ permissions: { allow: ["Bash(", "Edit"] } }),
    );
    const settings = loadSettings(workspace, undefined);
    expect(settings.problems).toEqual([expect.stringContaining(join(workspace, ".claude", "settings.json"))]);
    const permissions = permissionSettings(settings, workspace);
    expect(permissions.rules.map((entry) => entry.rule)).toEqual([{ tool: "Edit" }]);
    expect(permissions.problems[0]).toContain('"Bash(" is not a rule');
  });
});
