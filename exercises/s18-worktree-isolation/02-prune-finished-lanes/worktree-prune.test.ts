// Your worktree_prune in the real s18 session on a real repository: of two lanes only the one with nothing to
// lose goes (its folder and merged branch with it); the one with uncommitted work stays, saying why.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { extendSetup } from "@lcc/s02";
import { createManualClock } from "@lcc/s14";
import { testTeamSetup } from "@lcc/s15/test-agent";
import { createWorktreeSetup, type Lane, type WorktreeSetup, type WorktreeSetupOptions } from "@lcc/s18";
import { createTempWorkspace, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createWorktreePruneTool, pruneReason } from "./worktree-prune.ts";

const addCleanup = useCleanups();
const start = testTeamSetup(addCleanup);
const git = async (args: string[], cwd: string) => (await promisify(execFile)("git", args, { cwd })).stdout;

/** A live lane as the manager reports it, with only what a test names. */
function lane(extra: Partial<Lane>): Lane {
  return {
    name: "docs",
    path: "/repo/.lcc/worktrees/docs",
    branch: "wt/docs",
    task: null,
    base: "main",
    state: "active",
    createdAt: "2026-01-05T09:00:00.000Z",
    dirty: false,
    ahead: 0,
    behind: 0,
    ...extra,
  };
}

describe("pruneReason", () => {
  it("lets a clean, merged, unkept lane go and says why any other stays", () => {
    expect(pruneReason(lane({}))).toBeUndefined();
    expect(pruneReason(lane({ behind: 3 }))).toBeUndefined();
    expect(pruneReason(lane({ state: "kept" }))).toBe("kept");
    expect(pruneReason(lane({ dirty: true }))).toBe("uncommitted changes");
    expect(pruneReason(lane({ ahead: 2 }))).toBe("2 commits not on main");
    expect(pruneReason(lane({ ahead: 1 }))).toBe("1 commit not on main");
    const { ahead: _ahead, ...adopted } = lane({ base: null });
    expect(pruneReason(adopted)).toBe("its base is unknown");
  });
});

describe("worktree_prune in the session", () => {
  it("removes only the lane with nothing to lose", async () => {
    const workspace = await createTempWorkspace({ git: true, files: { "notes.txt": "line one\n" } });
    addCleanup(workspace.cleanup);
    const session = await start<WorktreeSetup, WorktreeSetupOptions>({
      script: [reply(toolUse("worktree_prune", {}, "prune")), reply(text("Pruned what was finished."))],
      workspace: workspace.dir,
      options: {
        permissions: { mode: "acceptEdits", allowedTools: ["worktree_prune"] },
        idleClock: createManualClock(0),
      },
      createSetup: async (context, options) => {
        const setup = await createWorktreeSetup(context, options);
        return extendSetup(setup, { tools: [createWorktreePruneTool(setup.worktrees)] });
      },
    });
    const lanes = session.agent.setup.worktrees;
    for (const name of ["done", "wip"]) await lanes.create({ name });
    await writeFile(join(lanes.folder, "wip", "draft.txt"), "half a thought\n");

    await session.run("Clean up the finished lanes.");

    const result = session.requests()[1]?.body.messages.at(-1)?.content;
    expect(result).toEqual([
      expect.objectContaining({
        type: "tool_result",
        tool_use_id: "prune",
        content: ["Removed: done.", "Kept wip: uncommitted changes."].join("\n"),
      }),
    ]);
    const worktrees = await git(["worktree", "list"], workspace.dir);
    expect(worktrees).not.toContain(join("worktrees", "done"));
    expect(worktrees).toContain(join("worktrees", "wip"));
    expect(await git(["branch", "--list", "wt/*"], workspace.dir)).not.toContain("wt/done");
  });
});
