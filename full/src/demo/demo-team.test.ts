// The demo model's team tour (s15–s18) through the real `lcc -p`: three tasks claimed and completed by two
// teammates at once, one in a worktree lane, both shut down through the handshake, the lane removed.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { runLcc } from "../test-harness.ts";
import { DEMO_LANE } from "./demo-team.ts";

const addCleanup = useCleanups();

describe("the demo model's team tour", () => {
  it("runs a lead and two teammates on a three-task board, one in a lane, and ends with nothing left running", {
    timeout: 90_000,
  }, async () => {
    const workspace = await createTempWorkspace({ files: { "README.md": "# Team demo\n" }, git: true });
    addCleanup(workspace.cleanup);
    const run = await runLcc({
      args: [
        "-p",
        "build it with a team",
        "--output-format",
        "json",
        "--permission-mode",
        "bypassPermissions",
      ],
      cwd: workspace.dir,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).result).toContain("The team tour is over");
    const task = (id: number) =>
      JSON.parse(readFileSync(join(workspace.dir, ".lcc", "tasks", `${id}.json`), "utf8"));
    expect([1, 2, 3].map((id) => [task(id).status, task(id).owner])).toEqual([
      ["completed", "alice"],
      ["completed", "alice"],
      ["completed", "bob"],
    ]);
    expect(existsSync(join(workspace.dir, ".lcc", "demo-team", "alice-task-1.js"))).toBe(true);
    const events = readFileSync(join(workspace.dir, ".lcc", "worktrees", "events.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; name: string; detail: Record<string, unknown> });
    expect(events.map((event) => [event.type, event.name])).toEqual([
      ["create", DEMO_LANE],
      ["remove", DEMO_LANE],
    ]);
    // bob worked in the lane: its file was there when the lane was removed (dropped with it, by force).
    expect(events[1]?.detail).toMatchObject({ force: true, changesDropped: 1, branchDeleted: true });
    expect(execFileSync("git", ["branch", "--list"], { cwd: workspace.dir, encoding: "utf8" })).not.toContain(
      "wt/",
    );
    const keys = JSON.parse(readFileSync(join(workspace.dir, ".lcc", "team", "kv.json"), "utf8")) as {
      values: Record<string, string>;
    };
    for (const name of ["alice", "bob"])
      expect(JSON.parse(keys.values[`member:${name}`] ?? "{}")).toMatchObject({ state: "stopped" });
    expect(readFileSync(join(workspace.dir, "README.md"), "utf8")).toBe("# Team demo\n");
  });

  it("outside a git repository runs the same team without a lane and says so", {
    timeout: 90_000,
  }, async () => {
    const workspace = await createTempWorkspace({ files: { "README.md": "# Team demo\n" } });
    addCleanup(workspace.cleanup);
    const run = await runLcc({
      args: ["-p", "show me a team", "--output-format", "json", "--permission-mode", "acceptEdits"],
      cwd: workspace.dir,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).result).toContain("without a worktree lane");
    const task = (id: number) =>
      JSON.parse(readFileSync(join(workspace.dir, ".lcc", "tasks", `${id}.json`), "utf8"));
    expect([1, 2, 3].map((id) => task(id).status)).toEqual(["completed", "completed", "completed"]);
    expect(existsSync(join(workspace.dir, ".lcc", "worktrees"))).toBe(false);
  });
});
