// Your rule in the real s17 session: alice claims #1, her claim of #2 is denied naming #1, and once she has
// completed #1 the same claim succeeds.
import type { Task, TaskStore } from "@lcc/s12";
import { createManualClock } from "@lcc/s14";
import { agentOfRequest, requestsOf } from "@lcc/s15";
import { testTeamSetup } from "@lcc/s15/test-agent";
import {
  type AutonomySetup,
  type AutonomySetupOptions,
  approvingShutdown,
  createAutonomySetup,
  lastMessageText,
} from "@lcc/s17";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createOneTaskHook, heldTaskRefusal } from "./one-task-at-a-time.ts";

const start = testTeamSetup(useCleanups());

/** A task as s12 stores it, with only what a test names. */
function task(id: number, subject: string, extra: Partial<Task> = {}): Task {
  return { id, subject, description: "", status: "pending", owner: null, blockedBy: [], ...extra } as Task;
}

describe("heldTaskRefusal", () => {
  it("refuses while the teammate holds a task in progress, naming it and what to do", () => {
    const refusal = heldTaskRefusal(
      [task(1, "Write the parser", { status: "in_progress", owner: "alice" }), task(2, "Test the parser")],
      "alice",
    );
    expect(refusal).toEqual(expect.stringContaining("#1 (Write the parser)"));
    expect(refusal).toEqual(expect.stringContaining('task_update {"id": 1, "status": "completed"}'));
  });

  it("allows a claim when the teammate holds nothing in progress", () => {
    const tasks = [
      task(1, "Write the parser", { status: "completed", owner: "alice" }),
      task(2, "Test the parser", { status: "in_progress", owner: "bob" }),
      task(3, "Lint the parser", { owner: "alice" }),
    ];
    expect(heldTaskRefusal(tasks, "alice")).toBeUndefined();
  });
});

describe("a teammate with your hook", () => {
  it("is refused a second task until it completes the first", async () => {
    let board: TaskStore | undefined;
    const session = await start<AutonomySetup, AutonomySetupOptions>({
      script: (request) => script(request),
      options: { idleClock: createManualClock(0) },
      createSetup: async (context, options) => {
        const hooks = (teammate: { name: string }) => [
          createOneTaskHook(teammate.name, () => board as TaskStore),
        ];
        const setup = await createAutonomySetup(context, { ...options, teammateExtensions: [{ hooks }] });
        board = setup.tasks;
        return setup;
      },
    });
    const aliceReplies = [
      reply(toolUse("claim_task", { id: 1 })),
      reply(toolUse("claim_task", { id: 2 })),
      reply(toolUse("task_update", { id: 1, status: "completed" })),
      reply(toolUse("claim_task", { id: 2 })),
      reply(toolUse("task_update", { id: 2, status: "completed" })),
      reply(text("Both done.")),
    ];
    const script = (request: RecordedRequest) => {
      if (agentOfRequest(request) === "alice")
        // At close the lead asks her to shut down (s16): she approves, so the session closes at once.
        return approvingShutdown(() => aliceReplies.shift() ?? reply(text("Nothing to do.")))(request);
      return reply(
        request.body.messages.length === 1
          ? toolUse("spawn_teammate", { name: "alice", role: "developer", prompt: "Take #1, then #2." })
          : text("Noted."),
      );
    };
    await session.agent.setup.tasks.create({ subject: "Write the parser" });
    await session.agent.setup.tasks.create({ subject: "Test the parser" });
    await session.run("Start alice.");
    await session.settle(() => aliceReplies.length === 0);
    await session.untilIdle("alice");

    const alice = requestsOf(session.requests(), "alice");
    expect(lastMessageText(alice[1] as RecordedRequest)).toContain("Claimed task #1");
    expect(lastMessageText(alice[2] as RecordedRequest)).toContain("You already hold #1 (Write the parser)");
    expect(lastMessageText(alice[4] as RecordedRequest)).toContain("Claimed task #2");
    const tasks = (await session.agent.setup.tasks.list()).tasks;
    expect(tasks.map((entry) => [entry.id, entry.status, entry.owner])).toEqual([
      [1, "completed", "alice"],
      [2, "completed", "alice"],
    ]);
  });
});
