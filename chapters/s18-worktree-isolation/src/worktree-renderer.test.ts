// How each worktree tool's result is shown: one line from its typed details; worktree_run, refused calls
// and other tools keep the default rendering.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createToolsRepository, type ToolsRepository } from "./test-worktree-tools.ts";
import { renderWorktreeEvents } from "./worktree-renderer.ts";

let repo: ToolsRepository;
afterEach(async () => {
  await repo?.cleanup();
});

/** Calls `name` through the pipeline and renders its tool_end as the terminal would. */
async function shown(name: string, input: unknown): Promise<string[] | undefined> {
  const result = await repo.call(name, input);
  return renderWorktreeEvents({
    type: "tool_end",
    id: "toolu_1",
    name,
    input,
    output: result.text,
    isError: result.isError,
    interrupted: result.interrupted,
    details: result.details,
    durationMs: 1,
  });
}

describe("the worktree renderer", () => {
  it("shows each lane tool's result as one line", async () => {
    repo = await createToolsRepository();
    await repo.tasks.create({ subject: "api" });
    expect(await shown("worktree_create", { name: "api", task_id: 1 })).toEqual([
      "  ⎿ lane api · wt/api from main · task #1 in progress",
    ]);
    expect(await shown("worktree_create", { name: "web" })).toEqual(["  ⎿ lane web · wt/web from main"]);
    await writeFile(join(repo.manager.folder, "web", "notes.txt"), "changed\n");
    expect(await shown("worktree_status", { name: "web" })).toEqual(["  ⎿ lane web · active · 1 changed"]);
    expect(await shown("worktree_status", { name: "api" })).toEqual(["  ⎿ lane api · active · clean"]);
    expect(await shown("worktree_keep", { name: "api" })).toEqual(["  ⎿ lane api kept"]);
    expect(await shown("worktree_list", {})).toEqual(["  ⎿ 2 lanes: 1 active, 1 kept, 0 removed, 1 dirty"]);
    expect(await shown("worktree_remove", { name: "web", force: true })).toEqual([
      "  ⎿ lane web removed · branch wt/web deleted",
    ]);
    expect(await shown("worktree_events", { limit: 3 })).toEqual(["  ⎿ 3 lane events"]);
  });

  it("leaves worktree_run, refusals and other tools to the default rendering", async () => {
    repo = await createToolsRepository();
    await repo.call("worktree_create", { name: "lane" });
    expect(await shown("worktree_run", { name: "lane", command: "echo hi" })).toBeUndefined();
    expect(await shown("worktree_status", { name: "ghost" })).toBeUndefined();
    const refused = {
      type: "tool_end",
      id: "toolu_3",
      name: "worktree_remove",
      input: { name: "lane" },
      output: "The user refused this call.",
      isError: true,
      interrupted: false,
      details: { deniedBy: "user" },
      durationMs: 1,
    } as const;
    expect(renderWorktreeEvents(refused)).toBeUndefined();
    expect(
      renderWorktreeEvents({
        type: "tool_end",
        id: "toolu_2",
        name: "bash",
        input: {},
        output: "ok",
        isError: false,
        interrupted: false,
        details: { exitCode: 0 },
        durationMs: 1,
      }),
    ).toBeUndefined();
  });
});
