import { mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createLaneRepository, type LaneRepository } from "./test-lanes.ts";
import { WorktreeError } from "./worktree-error.ts";
import { createWorktreeManager } from "./worktree-manager.ts";

let repo: LaneRepository;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await repo?.cleanup();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(): Promise<LaneRepository> {
  repo = await createLaneRepository();
  return repo;
}

describe("restart recovery", () => {
  it("lists the lanes from git and state.json in a new manager, a lane removed behind its back as removed", async () => {
    const { manager, tasks, git, restart } = await setup();
    const { task } = await tasks.create({ subject: "bound" });
    await manager.create({ name: "kept", taskId: task.id });
    await manager.keep("kept");
    const gone = await manager.create({ name: "gone" });
    await git(["worktree", "remove", gone.path]);
    const { lanes, problems } = await restart().list();
    expect(problems).toEqual([]);
    expect(lanes.map(({ name, state, task: bound }) => ({ name, state, task: bound }))).toEqual([
      { name: "gone", state: "removed", task: null },
      { name: "kept", state: "kept", task: task.id },
    ]);
    expect((await restart().events({ limit: 1 }))[0]).toMatchObject({ type: "lost", name: "gone" });
  });

  it("re-adopts a worktree git knows under the lanes folder when state.json was lost", async () => {
    const { manager, restart } = await setup();
    await manager.create({ name: "orphan" });
    await rm(join(manager.folder, "state.json"));
    const { lanes } = await restart().list();
    expect(lanes).toEqual([
      expect.objectContaining({ name: "orphan", state: "active", base: null, dirty: false }),
    ]);
    const state = JSON.parse(await readFile(join(manager.folder, "state.json"), "utf8"));
    expect(state.lanes.orphan.state).toBe("active");
  });

  it("reports a corrupt state.json with its path, leaves it byte-identical, and changes nothing", async () => {
    const { manager, restart } = await setup();
    await manager.create({ name: "before" });
    const path = join(manager.folder, "state.json");
    const corrupt = '{"version": 1, "lanes": {"before": {"task": "nope"';
    await writeFile(path, corrupt);
    const fresh = restart();
    const { lanes, problems } = await fresh.list();
    expect(problems).toEqual([expect.stringContaining(`${path} is not JSON`)]);
    expect(lanes.map((lane) => lane.name)).toEqual(["before"]); // from git alone
    await expect(fresh.create({ name: "after" })).rejects.toThrow(path);
    await expect(fresh.keep("before")).rejects.toThrow(path);
    expect(await readFile(path, "utf8")).toBe(corrupt);
  });
});

describe("hostile input", () => {
  it.each([
    ["-x", /must not start with '-'/],
    ["--upload-pack=touch pwned", /use 1–40/],
    ["../x", /use 1–40/],
    ["..", /must not start with '\.'/],
    ["a..b", /must not contain '\.\.'/],
    ["state.json", /manager's own files/],
  ])("refuses the lane name %j before git runs", async (name, reason) => {
    // Not a repository: a check that ran git first would fail with "not inside a git repository".
    const workspace = await createTempWorkspace();
    cleanups.push(workspace.cleanup);
    const manager = createWorktreeManager({ workspace: workspace.dir });
    await expect(manager.create({ name })).rejects.toThrow(reason);
    await expect(manager.create({ name: "ok" })).rejects.toThrow(/not inside a git repository/);
  });

  it.each([
    ["-x", /must not start with '-'/],
    ["--upload-pack=touch pwned", /must not start with '-'/],
    ["main --orphan", /spaces or control characters/],
  ])("refuses the base ref %j before git runs", async (baseRef, reason) => {
    const workspace = await createTempWorkspace();
    cleanups.push(workspace.cleanup);
    const manager = createWorktreeManager({ workspace: workspace.dir });
    await expect(manager.create({ name: "lane", baseRef })).rejects.toThrow(reason);
  });

  it("refuses a base ref that names no commit, creating nothing", async () => {
    const { manager, git } = await setup();
    await expect(manager.create({ name: "lane", baseRef: "no-such-branch" })).rejects.toThrow(
      /no-such-branch names no commit/,
    );
    expect(await git(["branch", "--list", "wt/*"])).toBe("");
  });

  it("refuses a .lcc/worktrees that is a symbolic link, writing nothing through it", async () => {
    const { dir, restart } = await setup();
    const elsewhere = await createTempWorkspace();
    cleanups.push(elsewhere.cleanup);
    await mkdir(join(dir, ".lcc"), { recursive: true });
    await symlink(elsewhere.dir, join(dir, ".lcc", "worktrees"));
    const manager = restart();
    const refusal = manager.create({ name: "lane" });
    await expect(refusal).rejects.toBeInstanceOf(WorktreeError);
    await expect(refusal).rejects.toThrow(/worktrees is a symbolic link/);
    await expect(manager.list()).rejects.toThrow(/symbolic link/);
    expect(await manager.events()).toEqual([]);
    expect(await readdir(elsewhere.dir)).toEqual([]);
  });

  it("does not run the repository's hooks when it creates a lane", async () => {
    const { dir, manager } = await setup();
    const marker = join(dir, "hook-ran");
    await writeFile(join(dir, ".git", "hooks", "post-checkout"), `#!/bin/sh\ntouch '${marker}'\n`, {
      mode: 0o755,
    });
    await manager.create({ name: "hooked" });
    await expect(readFile(marker)).rejects.toThrow(/ENOENT/);
  });
});
