// The chapter's promise end to end: five autonomous teammates work a board of 20 tasks with dependencies on
// their own (the lead only spawns them), every task is completed exactly once, none is started before its
// blockers are completed, and at the end all five shut down through s16's handshake.
import { agentOfRequest, LEAD_NAME, requestsOf } from "@lcc/s15";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { approvingShutdown, claimedTaskId, lastMessageText } from "./scripted-team.ts";
import { testAutonomySetup } from "./test-agent.ts";

const start = testAutonomySetup(useCleanups());

const TEAM = ["alice", "bob", "carol", "dave", "erin"];
/** Task id → the tasks it waits for: five roots, then a graph narrowing to #20 (the longest chain is six). */
const BLOCKERS: Record<number, number[]> = {
  6: [1],
  7: [1, 2],
  8: [3],
  9: [4, 5],
  10: [2],
  11: [6],
  12: [6, 7],
  13: [8, 9],
  14: [10],
  15: [7, 10],
  16: [11, 12],
  17: [13],
  18: [14, 15],
  19: [16, 17],
  20: [18, 19],
};

describe("five autonomous teammates on a board of 20 tasks", () => {
  it("complete every task exactly once, each after its blockers, and all shut down through the handshake", async () => {
    const startedEarly: string[] = [];
    const session = await start({
      script: (request) => {
        const agent = agentOfRequest(request);
        // Called only once the run starts, after the board and the scripts below exist.
        return agent === LEAD_NAME ? lead(request) : checkedWorker(request);
      },
    });
    const board = session.board();
    /** A teammate: completes the task it was handed (first checking, in the task files, that it may start). */
    const worker = approvingShutdown((request: RecordedRequest) => {
      const claimed = claimedTaskId(request);
      if (claimed === undefined)
        return lastMessageText(request).startsWith("Updated task #")
          ? reply(text("Task done."))
          : reply(text("Ready."), toolUse("idle", {}));
      return reply(toolUse("task_update", { id: claimed, status: "completed" }));
    });
    const checkedWorker = async (request: RecordedRequest) => {
      const claimed = claimedTaskId(request);
      if (claimed !== undefined) {
        const { tasks } = await board.list();
        const open = (BLOCKERS[claimed] ?? []).filter(
          (id) => tasks.find((task) => task.id === id)?.status !== "completed",
        );
        if (open.length > 0) startedEarly.push(`#${claimed} before ${open.map((id) => `#${id}`).join(", ")}`);
      }
      return worker(request);
    };
    const lead = (request: RecordedRequest) => {
      if (request.body.messages.length === 1)
        return reply(
          ...TEAM.map((name) =>
            toolUse("spawn_teammate", { name, role: "developer", prompt: "Work through the task board." }),
          ),
        );
      if (lastMessageText(request).includes("shut the team down"))
        return reply(...TEAM.map((name) => toolUse("shutdown_request", { teammate: name })));
      return reply(text("Noted."));
    };
    for (let id = 1; id <= 20; id++)
      await board.create({ subject: `Task ${id}`, blockedBy: BLOCKERS[id] ?? [] });

    await session.run("Work through the board with five teammates.");
    const allCompleted = async () => (await board.list()).tasks.every((task) => task.status === "completed");
    let polls = 0;
    while (!(await allCompleted())) {
      // Generous: between two quiet moments several tasks may be worked one after another (each a locked write).
      await session.quiet(60_000);
      if (await allCompleted()) break;
      // Everyone is idle and waiting: the next poll (5 s on the idle clock) finds what became free.
      await session.advance(5_000);
      expect(++polls).toBeLessThan(12);
    }
    await session.quiet(60_000);

    const { tasks } = await board.list();
    expect(tasks).toHaveLength(20);
    expect(tasks.every((task) => task.status === "completed" && TEAM.includes(task.owner ?? ""))).toBe(true);
    expect(startedEarly).toEqual([]);
    const claims = session.events.filter((event) => event.type === "task_claimed");
    expect(claims.map((claim) => claim.id).sort((left, right) => left - right)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    const completions = session.events.flatMap((event) =>
      event.type === "teammate_event" &&
      event.event.type === "tool_end" &&
      event.event.name === "task_update" &&
      !event.event.isError
        ? [(event.event.input as { id: number }).id]
        : [],
    );
    expect(completions.sort((left, right) => left - right)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    // The work was shared: more than one teammate completed tasks, and nobody timed out.
    expect(new Set(tasks.map((task) => task.owner)).size).toBeGreaterThan(1);
    expect(
      session
        .team()
        .running()
        .map((teammate) => teammate.name)
        .sort(),
    ).toEqual(TEAM);

    await session.run("The board is done: shut the team down.");
    await session.settle(
      async () => (await session.team().roster.list()).every((member) => member.state === "stopped"),
      60_000,
    );
    const shutdowns = await session.agent.setup.requests.list({ kind: "shutdown" });
    expect(shutdowns.map((request) => [request.to, request.state]).sort()).toEqual(
      TEAM.map((name) => [name, "approved"]),
    );
    for (const name of TEAM) {
      expect(session.events).toContainEqual({
        type: "teammate_state",
        name,
        state: "stopped",
        reason: "shut down at lead's request",
      });
      // Its last call answered the request it was woken by.
      expect(lastMessageText(requestsOf(session.requests(), name).at(-1) as RecordedRequest)).toContain(
        "shutdown_request req_",
      );
    }
    expect(session.team().running()).toEqual([]);
  }, 240_000);
});
