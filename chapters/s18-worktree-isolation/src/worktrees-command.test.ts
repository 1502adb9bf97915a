// The worktree pieces in a real session on the fake API (s02's core tools plus the lane tools, /worktrees,
// the renderer and the section): a lane made for a task, edited with the file tools, committed with
// worktree_run, removed completing the task — and what the user sees of it.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, createToolUseSetup, extendSetup, systemPromptText } from "@lcc/s02";
import { reply, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createLaneRepository } from "./test-lanes.ts";
import { createWorktreeTools } from "./tools/index.ts";
import { renderWorktreeEvents } from "./worktree-renderer.ts";
import { WORKTREE_SECTION } from "./worktree-section.ts";
import { createWorktreesCommand } from "./worktrees-command.ts";

const addCleanup = useCleanups();

/** A session on a lane repository with task #1 "fix the docs", driven by `script`. */
async function setup(script: Parameters<typeof startAgentTest>[1]["script"]) {
  const repo = await createLaneRepository();
  addCleanup(repo.cleanup);
  await repo.tasks.create({ subject: "fix the docs" });
  const session = await startAgentTest(addCleanup, {
    script,
    model: DEFAULT_MODEL,
    homePrefix: "lcc-s18-home-",
    workspace: repo.dir,
    createAgent: (context) =>
      createSessionAgent(
        (setup) =>
          extendSetup(createToolUseSetup(setup), {
            tools: createWorktreeTools(repo.manager, setup),
            commands: [createWorktreesCommand(repo.manager)],
            renderers: [renderWorktreeEvents],
            systemSections: [WORKTREE_SECTION],
          }),
        context,
      ),
  });
  /** Runs a slash command and returns what it printed. */
  const command = async (line: string) => {
    const before = session.output().length;
    await session.run(line);
    return session.output().slice(before);
  };
  return { ...session, repo, command };
}

describe("lanes in a session", () => {
  it("a lane for a task: edited with the file tools, committed in the lane, removed completing the task", async () => {
    const lanePath = ".lcc/worktrees/docs/notes.txt";
    const { run, command, requests, output, repo } = await setup([
      reply(toolUse("worktree_create", { name: "docs", task_id: 1 })),
      reply(toolUse("edit_file", { path: lanePath, old_text: "line one", new_text: "line two" })),
      reply(text("Edited in the lane.")),
      reply(toolUse("worktree_run", { name: "docs", command: "git commit -qam 'fix the docs'" })),
      reply(toolUse("worktree_remove", { name: "docs", complete_task: true })),
      reply(text("Done.")),
    ]);
    await run("Fix the docs in a lane.");
    expect(await command("/worktrees")).toBe(
      "Lanes in .lcc/worktrees\ndocs · active · wt/docs · task #1 · dirty · 0 ahead, 0 behind main · .lcc/worktrees/docs\n",
    );
    await run("Commit it and finish.");
    const [first] = requests();
    expect(systemPromptText(first?.body.system ?? "")).toContain(WORKTREE_SECTION.text);
    expect(output()).toContain("  ⎿ lane docs · wt/docs from main · task #1 in progress\n");
    expect(output()).toContain("  ⎿ lane docs removed · branch wt/docs kept · task #1 completed\n");
    expect(await repo.git(["show", "wt/docs:notes.txt"])).toBe("line two\n");
    expect(await readFile(join(repo.dir, "notes.txt"), "utf8")).toBe("line one\n");
    expect((await repo.tasks.list()).tasks[0]).toMatchObject({ status: "completed", owner: "docs" });
    expect(await command("/worktrees")).toBe("Lanes in .lcc/worktrees\ndocs · removed · wt/docs · task #1\n");
  });

  it("/worktrees events shows the newest lane events; a bad argument shows the usage", async () => {
    const { run, command } = await setup([
      reply(
        toolUse("worktree_create", { name: "a" }, "t1"),
        toolUse("worktree_run", { name: "a", command: "true" }, "t2"),
        toolUse("worktree_keep", { name: "a" }, "t3"),
      ),
      reply(text("Kept.")),
    ]);
    expect(await command("/worktrees")).toBe("Lanes in .lcc/worktrees\nNo lanes yet.\n");
    expect(await command("/worktrees events")).toBe("No lane events yet.\n");
    await run("Make a lane and keep it.");
    const lines = (await command("/worktrees events")).trimEnd().split("\n");
    expect(lines.map((line) => line.split(" ").slice(1, 3).join(" "))).toEqual([
      "create a",
      "run_start a",
      "run_end a",
      "keep a",
    ]);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ create a · from main$/);
    expect(lines[2]).toMatch(/ run_end a · exit 0 · \d+\.\d s · \$ true$/);
    expect((await command("/worktrees events 2")).trimEnd().split("\n")).toEqual(lines.slice(2));
    const usage = "Usage: /worktrees, or /worktrees events [count].\n";
    expect(await command("/worktrees events zero")).toBe(usage);
    expect(await command("/worktrees events 0")).toBe(usage);
    expect(await command("/worktrees prune")).toBe(usage);
  });
});
