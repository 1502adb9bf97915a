import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLaneRepository, type LaneRepository } from "./test-lanes.ts";

let repo: LaneRepository;
afterEach(async () => {
  await repo?.cleanup();
});

async function setup(): Promise<LaneRepository> {
  repo = await createLaneRepository();
  return repo;
}

/** Edits `notes.txt` in a lane and commits it there. */
async function commitInLane(path: string, text: string): Promise<void> {
  await writeFile(join(path, "notes.txt"), text);
  await repo.git(
    ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qam", text.trim()],
    path,
  );
}

describe("the worktree manager", () => {
  it("creates a real git worktree on branch wt/<name> and binds the task to the lane", async () => {
    const { manager, tasks, git, dir } = await setup();
    const { task } = await tasks.create({ subject: "write the docs" });
    const lane = await manager.create({ name: "docs", taskId: task.id });
    expect(lane).toMatchObject({
      name: "docs",
      branch: "wt/docs",
      task: task.id,
      base: "main",
      state: "active",
    });
    expect(lane.path).toBe(join(dir, ".lcc", "worktrees", "docs"));
    expect(await git(["worktree", "list", "--porcelain"])).toContain(`worktree ${lane.path}\n`);
    expect(await git(["branch", "--list", "wt/docs"])).toContain("wt/docs");
    expect(await readFile(join(lane.path, "notes.txt"), "utf8")).toBe("line one\n");
    const bound = (await tasks.list()).tasks.find((entry) => entry.id === task.id);
    expect(bound).toMatchObject({ status: "in_progress", owner: "docs" });
    // s04's exclusion keeps the lanes out of the main checkout's status.
    expect(await git(["status", "--porcelain"])).toBe("");
  });

  it("lets two lanes edit the same file and commit without a conflict, the main checkout unchanged", async () => {
    const { manager, git, dir } = await setup();
    const left = await manager.create({ name: "left" });
    const right = await manager.create({ name: "right" });
    await commitInLane(left.path, "from left\n");
    await commitInLane(right.path, "from right\n");
    expect(await readFile(join(left.path, "notes.txt"), "utf8")).toBe("from left\n");
    expect(await readFile(join(right.path, "notes.txt"), "utf8")).toBe("from right\n");
    expect(await readFile(join(dir, "notes.txt"), "utf8")).toBe("line one\n");
    expect(await git(["status", "--porcelain"])).toBe("");
    const { lanes } = await manager.list();
    expect(lanes.map((lane) => [lane.name, lane.dirty, lane.ahead, lane.behind])).toEqual([
      ["left", false, 1, 0],
      ["right", false, 1, 0],
    ]);
  });

  it("runs a command with the lane as its working folder and reports its status and commits", async () => {
    const { manager } = await setup();
    const lane = await manager.create({ name: "runner" });
    const run = await manager.run("runner", "pwd && echo changed > notes.txt");
    expect(run.exitCode).toBe(0);
    expect(run.output.trim()).toBe(lane.path);
    const status = await manager.status("runner");
    expect(status.lane.dirty).toBe(true);
    expect(status.status).toContain("## wt/runner");
    expect(status.status).toContain(" M notes.txt");
    expect(status.commits).toEqual([expect.stringMatching(/^[0-9a-f]+ initial commit$/)]);
  });

  it("refuses to remove a lane with a modified file, then removes it with force", async () => {
    const { manager, git } = await setup();
    const lane = await manager.create({ name: "dirty" });
    await writeFile(join(lane.path, "notes.txt"), "unsaved work\n");
    await expect(manager.remove("dirty")).rejects.toThrow(/uncommitted changes[\s\S]*M notes\.txt/);
    expect(await readFile(join(lane.path, "notes.txt"), "utf8")).toBe("unsaved work\n");
    const outcome = await manager.remove("dirty", { force: true });
    expect(outcome.message).toContain("1 changes dropped");
    expect(await git(["worktree", "list"])).not.toContain(lane.path);
  });

  it("refuses to remove a lane with an untracked file without force", async () => {
    const { manager } = await setup();
    const lane = await manager.create({ name: "untracked" });
    await writeFile(join(lane.path, "new-file.txt"), "not added\n");
    await expect(manager.remove("untracked")).rejects.toThrow(/\?\? new-file\.txt/);
    expect((await manager.list()).lanes[0]).toMatchObject({
      name: "untracked",
      state: "active",
      dirty: true,
    });
  });

  it("keeps an unmerged branch and says so, deletes a merged one, and completes the bound task", async () => {
    const { manager, tasks, git } = await setup();
    const { task } = await tasks.create({ subject: "try an idea" });
    const idea = await manager.create({ name: "idea", taskId: task.id });
    await commitInLane(idea.path, "an idea\n");
    const kept = await manager.remove("idea", { completeTask: true });
    expect(kept).toMatchObject({ branchDeleted: false, taskCompleted: task.id });
    expect(kept.message).toMatch(/wt\/idea has commits main does not: it is kept/);
    expect(await git(["branch", "--list", "wt/idea"])).toContain("wt/idea");
    expect((await tasks.list()).tasks[0]?.status).toBe("completed");
    await manager.create({ name: "clean" });
    const deleted = await manager.remove("clean");
    expect(deleted.branchDeleted).toBe(true);
    expect(await git(["branch", "--list", "wt/clean"])).toBe("");
  });

  it("refuses to remove a kept lane without force", async () => {
    const { manager } = await setup();
    await manager.create({ name: "review" });
    expect((await manager.keep("review")).state).toBe("kept");
    await expect(manager.remove("review")).rejects.toThrow(/is kept; pass force/);
    expect((await manager.remove("review", { force: true })).branchDeleted).toBe(true);
    expect((await manager.list()).lanes[0]?.state).toBe("removed");
  });

  it("refuses a second lane of the same name and a task owned by another lane", async () => {
    const { manager, tasks } = await setup();
    const { task } = await tasks.create({ subject: "shared" });
    await manager.create({ name: "one", taskId: task.id });
    await expect(manager.create({ name: "one" })).rejects.toThrow(/exists already/);
    await expect(manager.create({ name: "two", taskId: task.id })).rejects.toThrow(/owned by one/);
    expect((await manager.list()).lanes.map((lane) => lane.name)).toEqual(["one"]);
  });
});
