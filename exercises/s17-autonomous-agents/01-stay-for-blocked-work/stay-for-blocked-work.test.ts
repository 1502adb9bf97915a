// Your idle policy: a teammate whose next task waits for a blocker stays idle past the 60 s timeout, and claims
// the task as soon as the blocker is completed; with nothing coming its way it still shuts down at 60 s.
import type { Task } from "@lcc/s12";
import { LEAD_NAME, requestsOf } from "@lcc/s15";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { waitingTasks } from "./idle-policy.ts";
import { testIdleSession } from "./idle-session.ts";

const start = testIdleSession(useCleanups());

/** A task as s12 stores it, with only what a test names. */
function task(id: number, subject: string, extra: Partial<Task> = {}): Task {
  return { id, subject, description: "", status: "pending", owner: null, blockedBy: [], ...extra } as Task;
}

describe("waitingTasks", () => {
  it("names the pending tasks the teammate may take once their blockers are completed, and no others", () => {
    const tasks = [
      task(1, "[developer] Write the parser", { status: "in_progress", owner: "bob" }),
      task(2, "[tester] Test the parser", { blockedBy: [1] }),
      task(3, "[docs] Document the parser", { blockedBy: [1] }),
      task(4, "Review the parser", { blockedBy: [1], owner: "carol" }),
      task(5, "Lint the parser"),
      task(6, "Test the lexer", { blockedBy: [1], status: "completed", owner: "dave" }),
    ];
    const tester = { name: "alice", role: "tester" };
    expect(waitingTasks(tasks, tester).map((entry) => entry.id)).toEqual([2]);
    expect(waitingTasks(tasks, { name: "carol", role: "reviewer" }).map((entry) => entry.id)).toEqual([4]);
    // Once #1 is completed nothing waits any more: #2 is claimable now, not "waiting".
    const done = tasks.map((entry) => (entry.id === 1 ? { ...entry, status: "completed" as const } : entry));
    expect(waitingTasks(done, tester)).toEqual([]);
  });
});

describe("an idle teammate with your policy", () => {
  it("stays past 60 s while its task is blocked, and claims it once the blocker is completed", async () => {
    const session = await start();
    const board = session.board();
    await board.create({ subject: "[developer] Write the parser" });
    await board.update(1, { owner: LEAD_NAME, status: "in_progress" });
    await board.create({ subject: "[tester] Test the parser", blockedBy: [1] });

    await session.advance(90_000);
    expect(await session.state(), "alice after 90 s with a task waiting for her").toBe("idle");

    await board.update(1, { status: "completed" });
    await session.advance(15_000);
    expect(session.events.filter((event) => event.type === "task_claimed")).toEqual([
      { type: "task_claimed", name: "alice", id: 2, subject: "[tester] Test the parser", via: "idle" },
    ]);
    expect((await board.list()).tasks.map((entry) => [entry.id, entry.status])).toEqual([
      [1, "completed"],
      [2, "completed"],
    ]);
    expect(requestsOf(session.requests(), "alice")).toHaveLength(3);
  });

  it("still shuts down at 60 s when nothing on the board will be hers", async () => {
    const session = await start();
    const board = session.board();
    await board.create({ subject: "[developer] Write the parser" });
    await board.update(1, { owner: LEAD_NAME, status: "in_progress" });
    await board.create({ subject: "[docs] Document the parser", blockedBy: [1] });

    await session.advance(55_000);
    expect(await session.state()).toBe("idle");
    await session.advance(5_000);
    await session.settle(async () => (await session.state()) === "stopped");
    expect(session.events).toContainEqual({
      type: "teammate_state",
      name: "alice",
      state: "stopped",
      reason: "idle for 60 s with nothing to do",
    });
    expect(requestsOf(session.requests(), "alice")).toHaveLength(1);
  });
});
