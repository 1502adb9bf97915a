import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { ToolError } from "./tool.ts";
import { resolveInWorkspace } from "./workspace-path.ts";

const addCleanup = useCleanups();

/** A parent folder holding the workspace `ws`, a sibling `ws-evil` sharing its prefix, and a secret outside. */
async function setup() {
  const parent = await createTempWorkspace({
    files: { "ws/src/app.ts": "app\n", "ws-evil/steal.txt": "evil\n", "secret.txt": "secret\n" },
  });
  addCleanup(parent.cleanup);
  const workspace = join(parent.dir, "ws");
  return { parent: parent.dir, workspace };
}

describe("resolveInWorkspace", () => {
  it("resolves relative and absolute paths inside the workspace, existing or not", async () => {
    const { workspace } = await setup();
    expect(await resolveInWorkspace(workspace, "src/app.ts")).toBe(join(workspace, "src/app.ts"));
    expect(await resolveInWorkspace(workspace, join(workspace, "src/new/file.ts"))).toBe(
      join(workspace, "src/new/file.ts"),
    );
    expect(await resolveInWorkspace(workspace, "src/../src/app.ts")).toBe(join(workspace, "src/app.ts"));
  });

  it.each([
    ["a .. escape", "../secret.txt"],
    ["a deep .. escape", "src/../../secret.txt"],
    ["an absolute path outside", "/etc/passwd"],
    ["a sibling directory sharing the prefix", "../ws-evil/steal.txt"],
  ])("refuses %s", async (_case, requested) => {
    const { workspace } = await setup();
    await expect(resolveInWorkspace(workspace, requested)).rejects.toThrow(/outside the workspace/);
  });

  it("reaches a folder outside only when it is one of the call's allowed roots", async () => {
    const { parent, workspace } = await setup();
    const evil = join(parent, "ws-evil");
    await expect(resolveInWorkspace(workspace, join(evil, "steal.txt"))).rejects.toBeInstanceOf(ToolError);
    expect(await resolveInWorkspace(workspace, join(evil, "steal.txt"), [evil])).toBe(
      join(evil, "steal.txt"),
    );
    // A root does not open its parent or a sibling.
    await expect(resolveInWorkspace(workspace, join(parent, "secret.txt"), [evil])).rejects.toBeInstanceOf(
      ToolError,
    );
  });

  it("refuses an absolute path into a sibling that shares the prefix", async () => {
    const { workspace } = await setup();
    await expect(resolveInWorkspace(workspace, `${workspace}-evil/steal.txt`)).rejects.toThrow(ToolError);
  });

  it("refuses a symlinked file that points outside", async () => {
    const { workspace, parent } = await setup();
    await symlink(join(parent, "secret.txt"), join(workspace, "link.txt"));
    await expect(resolveInWorkspace(workspace, "link.txt")).rejects.toThrow(/resolves to .*secret\.txt/);
  });

  it("refuses a new file under a symlinked directory that points outside", async () => {
    const { workspace, parent } = await setup();
    await symlink(parent, join(workspace, "up"));
    await expect(resolveInWorkspace(workspace, "up/new-file.txt")).rejects.toThrow(/outside the workspace/);
  });

  it("refuses a dangling symlink (writing through it would create a file outside)", async () => {
    const { workspace, parent } = await setup();
    await symlink(join(parent, "not-yet.txt"), join(workspace, "dangling.txt"));
    await expect(resolveInWorkspace(workspace, "dangling.txt")).rejects.toThrow(/does not exist/);
  });

  it("works on a workspace reached through a symlink, and still refuses escapes from it", async () => {
    const { workspace, parent } = await setup();
    const alias = join(parent, "ws-alias");
    await symlink(workspace, alias);
    expect(await resolveInWorkspace(alias, "src/app.ts")).toBe(join(alias, "src/app.ts"));
    expect(await resolveInWorkspace(alias, "src/new.ts")).toBe(join(alias, "src/new.ts"));
    await symlink(join(parent, "secret.txt"), join(workspace, "link.txt"));
    await expect(resolveInWorkspace(alias, "link.txt")).rejects.toThrow(/outside the workspace/);
    await expect(resolveInWorkspace(alias, "../secret.txt")).rejects.toThrow(/outside the workspace/);
  });

  it("allows a symlink that stays inside the workspace", async () => {
    const { workspace } = await setup();
    await mkdir(join(workspace, "lib"));
    await writeFile(join(workspace, "lib/real.ts"), "x");
    await symlink(join(workspace, "lib/real.ts"), join(workspace, "alias.ts"));
    expect(await resolveInWorkspace(workspace, "alias.ts")).toBe(join(workspace, "alias.ts"));
  });
});
