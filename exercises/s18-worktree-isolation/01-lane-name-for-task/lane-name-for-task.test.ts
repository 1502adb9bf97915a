// Your naming rule: readable lane names made from a task, always within s18's lane-name rules, and a real
// lane made with one — a git worktree on branch wt/<name>, its task bound to it.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { lccHome } from "@lcc/s04";
import { createTaskStore } from "@lcc/s12";
import { checkLaneName, createWorktreeManager } from "@lcc/s18";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { LANE_NAME_MAX, laneNameForTask } from "./lane-name-for-task.ts";

const addCleanup = useCleanups();
const git = async (args: string[], cwd: string) => (await promisify(execFile)("git", args, { cwd })).stdout;

describe("laneNameForTask", () => {
  it("joins the task's id and the words of its subject", () => {
    expect(laneNameForTask({ id: 3, subject: "Fix the parser!" })).toBe("task-3-fix-the-parser");
    expect(laneNameForTask({ id: 2, subject: "[tester] Cover src/lexer.ts" })).toBe(
      "task-2-tester-cover-src-lexer-ts",
    );
    expect(laneNameForTask({ id: 5, subject: "修复解析器" })).toBe("task-5");
  });

  it("cuts a long subject to 40 characters without a dash at the end", () => {
    const exact = laneNameForTask({ id: 12, subject: "Rewrite the configuration loader so it reads YAML" });
    expect(exact).toBe("task-12-rewrite-the-configuration-loader");
    const cut = laneNameForTask({ id: 7, subject: "Move all the helpers of the test suite into testkit" });
    expect(cut).toBe("task-7-move-all-the-helpers-of-the-test");
    expect(cut.length).toBeLessThanOrEqual(LANE_NAME_MAX);
  });

  it("gives names s18 accepts for awkward subjects", () => {
    const subjects = ["..", "-rf /", "release.lock", "state.json", "   ", "A".repeat(200), "x..y -- --force"];
    for (const [index, subject] of subjects.entries()) {
      const name = laneNameForTask({ id: index + 1, subject });
      expect(() => checkLaneName(name), `${subject} → ${name}`).not.toThrow();
      expect(name.startsWith(`task-${index + 1}`)).toBe(true);
    }
  });
});

describe("a lane named by your rule", () => {
  it("is a real worktree on wt/<name> with the task bound to it", async () => {
    const workspace = await createTempWorkspace({ git: true, files: { "notes.txt": "line one\n" } });
    addCleanup(workspace.cleanup);
    const tasks = createTaskStore({ folder: join(lccHome(workspace.dir), "tasks"), root: workspace.dir });
    const manager = createWorktreeManager({ workspace: workspace.dir, tasks });
    const { task } = await tasks.create({ subject: "Write the docs" });

    const lane = await manager.create({ name: laneNameForTask(task), taskId: task.id });

    expect(lane.branch).toBe("wt/task-1-write-the-docs");
    expect(await git(["branch", "--list", "wt/*"], workspace.dir)).toContain("wt/task-1-write-the-docs");
    expect(await git(["rev-parse", "--abbrev-ref", "HEAD"], lane.path)).toBe("wt/task-1-write-the-docs\n");
    const [bound] = (await tasks.list()).tasks;
    expect([bound?.status, bound?.owner]).toEqual(["in_progress", "task-1-write-the-docs"]);
  });
});
