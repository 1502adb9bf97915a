// The worktree tools as the model sees them, through s02's tool pipeline on a real git repository: each
// happy path, each refusal as an is_error result that names the next move, and the traits s07 judges by.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { toApiTool } from "@lcc/s02";
import { afterEach, describe, expect, it } from "vitest";
import { createToolsRepository, type ToolsRepository } from "../test-worktree-tools.ts";
import type { WorktreeCreateDetails } from "./worktree-create.ts";
import type { WorktreeEventsDetails } from "./worktree-events.ts";
import type { WorktreeListDetails } from "./worktree-list.ts";
import type { WorktreeRemoveDetails } from "./worktree-remove.ts";
import type { WorktreeStatusDetails } from "./worktree-status.ts";

let repo: ToolsRepository;
afterEach(async () => {
  await repo?.cleanup();
});

async function setup(): Promise<ToolsRepository> {
  repo = await createToolsRepository();
  return repo;
}

/** The status of task `id` in the s12 store. */
async function taskStatus(id: number): Promise<string | undefined> {
  return (await repo.tasks.list()).tasks.find((task) => task.id === id)?.status;
}

describe("the worktree tools", () => {
  it("are seven, with the traits the permission check reads and the name pattern in the schema", async () => {
    const { tools } = await setup();
    const traits = tools.map((tool) => [
      tool.name,
      tool.readOnly ?? false,
      tool.shellCommand ?? false,
      tool.ownStateOnly ?? false,
    ]);
    expect(traits).toEqual([
      ["worktree_create", false, false, false],
      ["worktree_list", true, false, false],
      ["worktree_status", true, false, false],
      ["worktree_run", false, true, false],
      ["worktree_keep", false, false, true],
      ["worktree_remove", false, false, false],
      ["worktree_events", true, false, false],
    ]);
    const create = toApiTool(tools[0]!);
    expect(create.input_schema).toMatchObject({
      properties: { name: { pattern: "^[A-Za-z0-9._-]{1,40}$" } },
      required: ["name"],
    });
  });

  it("worktree_create makes the lane, binds the task and names the folder and the next moves", async () => {
    const { call, tasks, git, dir } = await setup();
    const { task } = await tasks.create({ subject: "write the docs" });
    const result = await call("worktree_create", { name: "docs", task_id: task.id });
    expect(result).toMatchObject({ isError: false });
    expect(result.text).toBe(
      [
        "Created lane docs: branch wt/docs from main, folder .lcc/worktrees/docs.",
        "Task #1 is in progress, owned by docs.",
        'Edit its files under .lcc/worktrees/docs/ with the file tools, run commands in it with worktree_run {"name":"docs","command":…}, and commit there.',
        'When the work is done: worktree_remove {"name":"docs","complete_task":true}.',
      ].join("\n"),
    );
    const { lane } = result.details as WorktreeCreateDetails;
    expect(lane).toMatchObject({ name: "docs", branch: "wt/docs", task: 1, state: "active", dirty: false });
    expect(lane.path).toBe(join(dir, ".lcc", "worktrees", "docs"));
    expect(await git(["worktree", "list", "--porcelain"])).toContain(`worktree ${lane.path}\n`);
    expect(await taskStatus(task.id)).toBe("in_progress");
  });

  it("worktree_create refuses a bad name at validation and by the lane rules, and nothing is made", async () => {
    const { call, git } = await setup();
    const spaced = await call("worktree_create", { name: "has space" });
    expect(spaced.isError).toBe(true);
    expect(spaced.text).toContain("- name: Invalid string: must match pattern");
    expect(spaced.text).toContain('Received: {"name":"has space"}');
    const dotted = await call("worktree_create", { name: "a..b" });
    expect(dotted).toMatchObject({ isError: true });
    expect(dotted.text).toBe(`Refused lane name "a..b": it must not contain '..'. Nothing was changed.`);
    expect(await git(["worktree", "list", "--porcelain"])).not.toContain(".lcc/worktrees");
  });

  it("worktree_create refuses a live name, an unknown task, a base that names no commit, and a branch left behind", async () => {
    const { call, git } = await setup();
    await call("worktree_create", { name: "one" });
    expect(await call("worktree_create", { name: "one" })).toMatchObject({
      isError: true,
      text: "Lane one exists already; worktree_list shows it. Nothing was changed.",
    });
    expect(await call("worktree_create", { name: "two", task_id: 9 })).toMatchObject({
      isError: true,
      text: "There is no task #9; task_list shows the tasks. No lane was created.",
    });
    expect(await call("worktree_create", { name: "three", base_ref: "nope" })).toMatchObject({
      isError: true,
      text: "Base nope names no commit in this repository. Nothing was changed.",
    });
    // A lane whose branch held unmerged commits leaves that branch behind when removed.
    await call("worktree_run", { name: "one", command: "echo more >> notes.txt && git commit -qam more" });
    await call("worktree_remove", { name: "one" });
    const again = await call("worktree_create", { name: "one" });
    expect(again.isError).toBe(true);
    expect(again.text).toContain("fatal: a branch named 'wt/one' already exists");
    expect(again.text).toContain(
      "No lane was created: branch wt/one is left from an earlier lane one (it held commits its base did not). Choose another name, or merge or delete that branch first.",
    );
    expect(await git(["branch", "--list", "wt/one"])).toContain("wt/one");
  });

  it("worktree_list shows each lane's state, branch, task, dirty or clean and folder; removed lanes last", async () => {
    const { call, tasks, manager } = await setup();
    expect((await call("worktree_list", {})).text).toBe(
      "No lanes yet. worktree_create makes one for a task.",
    );
    const { task } = await tasks.create({ subject: "api" });
    await call("worktree_create", { name: "api", task_id: task.id });
    await call("worktree_create", { name: "alpha" });
    await call("worktree_create", { name: "web" });
    await writeFile(join(manager.folder, "web", "notes.txt"), "unsaved\n");
    await call("worktree_remove", { name: "alpha" });
    const result = await call("worktree_list", {});
    expect(result.text).toBe(
      [
        "api · active · wt/api · task #1 · clean · 0 ahead, 0 behind main · .lcc/worktrees/api",
        "web · active · wt/web · no task · dirty · 0 ahead, 0 behind main · .lcc/worktrees/web",
        "alpha · removed · wt/alpha · no task",
      ].join("\n"),
    );
    const { lanes } = result.details as WorktreeListDetails;
    expect(lanes.map((lane) => [lane.name, lane.state, lane.dirty])).toEqual([
      ["alpha", "removed", undefined],
      ["api", "active", false],
      ["web", "active", true],
    ]);
  });

  it("worktree_status shows git status and the last commits; an unknown lane is refused naming worktree_list", async () => {
    const { call, manager } = await setup();
    await call("worktree_create", { name: "docs" });
    await writeFile(join(manager.folder, "docs", "notes.txt"), "changed\n");
    const result = await call("worktree_status", { name: "docs" });
    expect(result.isError).toBe(false);
    expect(result.text).toMatch(
      /^docs · active · wt\/docs · no task · dirty · 0 ahead, 0 behind main · \.lcc\/worktrees\/docs\ngit status:\n## wt\/docs\n M notes\.txt\nLast commits on wt\/docs:\n[0-9a-f]+ initial commit$/,
    );
    expect((result.details as WorktreeStatusDetails).lane.dirty).toBe(true);
    expect(await call("worktree_status", { name: "ghost" })).toMatchObject({
      isError: true,
      text: "There is no lane ghost; worktree_list shows the lanes.",
    });
  });

  it("worktree_remove refuses a dirty lane naming force and the file, keeps the work, then drops it with force", async () => {
    const { call, manager } = await setup();
    await call("worktree_create", { name: "dirty" });
    const file = join(manager.folder, "dirty", "notes.txt");
    await writeFile(file, "unsaved work\n");
    const refused = await call("worktree_remove", { name: "dirty" });
    expect(refused.isError).toBe(true);
    expect(refused.text).toBe(
      "Lane dirty has uncommitted changes; commit them in the lane, or pass force to drop them. Nothing was changed.\n   M notes.txt",
    );
    expect(await readFile(file, "utf8")).toBe("unsaved work\n");
    const forced = await call("worktree_remove", { name: "dirty", force: true });
    expect(forced.isError).toBe(false);
    expect(forced.text).toBe(
      "Lane dirty removed (1 changes dropped).\nBranch wt/dirty was merged into main and is deleted.",
    );
    expect((await manager.list()).lanes[0]?.state).toBe("removed");
  });

  it("worktree_remove with complete_task completes the bound s12 task and keeps an unmerged branch", async () => {
    const { call, tasks, git } = await setup();
    const { task } = await tasks.create({ subject: "try an idea" });
    await call("worktree_create", { name: "idea", task_id: task.id });
    await call("worktree_run", {
      name: "idea",
      command: "echo idea > idea.txt && git add -A && git commit -qm idea",
    });
    const result = await call("worktree_remove", { name: "idea", complete_task: true });
    expect(result.isError).toBe(false);
    expect(result.text).toBe(
      [
        "Lane idea removed.",
        "Branch wt/idea has commits main does not: it is kept (merge it, or git branch -D wt/idea).",
        "Task #1 is completed.",
      ].join("\n"),
    );
    expect(result.details as WorktreeRemoveDetails).toMatchObject({ branchDeleted: false, taskCompleted: 1 });
    expect(await taskStatus(task.id)).toBe("completed");
    expect(await git(["show", "wt/idea:idea.txt"])).toBe("idea\n");
    expect(await call("worktree_remove", { name: "idea" })).toMatchObject({
      isError: true,
      text: "Lane idea was removed; create it again to use it.",
    });
  });

  it("worktree_keep makes remove refuse the lane without force", async () => {
    const { call } = await setup();
    await call("worktree_create", { name: "review" });
    const kept = await call("worktree_keep", { name: "review" });
    expect(kept.text).toBe(
      "Lane review is kept: worktree_remove refuses it without force.\nreview · kept · wt/review · no task · clean · 0 ahead, 0 behind main · .lcc/worktrees/review",
    );
    expect(await call("worktree_remove", { name: "review" })).toMatchObject({
      isError: true,
      text: "Lane review is kept; pass force to remove it anyway. Nothing was changed.",
    });
    expect((await call("worktree_remove", { name: "review", force: true })).isError).toBe(false);
  });

  it("worktree_events returns the newest events, oldest first, one line each", async () => {
    const { call } = await setup();
    expect((await call("worktree_events", {})).text).toBe("No lane events yet.");
    await call("worktree_create", { name: "log" });
    await call("worktree_run", { name: "log", command: "exit 3" });
    await call("worktree_keep", { name: "log" });
    const result = await call("worktree_events", { limit: 3 });
    const lines = result.text.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ run_start log · \$ exit 3$/);
    expect(lines[1]).toMatch(/ run_end log · exit 3 · \d+\.\d s · \$ exit 3$/);
    expect(lines[2]).toMatch(/ keep log$/);
    const { events } = result.details as WorktreeEventsDetails;
    expect(events.map((event) => event.type)).toEqual(["run_start", "run_end", "keep"]);
    expect((await call("worktree_events", { limit: 0 })).isError).toBe(true);
  });
});
