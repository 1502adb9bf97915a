// A teammate's own hand on the board, through the real session: claim_task races (one of two wins, the
// other is told who has it), task_update only on tasks it owns, and the tools every teammate gets.
import { isSummaryRequest } from "@lcc/s06";
import { agentOfRequest, requestsOf } from "@lcc/s15";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { approvingShutdown, claimedTaskId, lastMessageText, shutdownRequestId } from "./scripted-team.ts";
import { testAutonomySetup } from "./test-agent.ts";

const start = testAutonomySetup(useCleanups());

const spawn = (name: string, role: string) =>
  toolUse("spawn_teammate", { name, role, prompt: "Take work from the board." });
/** The lead spawns the given teammates in its first reply, then says so. */
const lead =
  (...teammates: Array<[string, string]>) =>
  (request: RecordedRequest) =>
    request.body.messages.length === 1
      ? reply(...teammates.map(([name, role]) => spawn(name, role)))
      : reply(text("The team is working."));
/** Completes a claimed task; otherwise `first` for its first request, and "done" after anything else. */
const finisher = (first: ReturnType<typeof reply>[]) => {
  let position = 0;
  return approvingShutdown((request) => {
    const claimed = claimedTaskId(request);
    if (claimed !== undefined) return reply(toolUse("task_update", { id: claimed, status: "completed" }));
    return first[position++] ?? reply(text("Done."));
  });
};
const resultsOf = (request: RecordedRequest | undefined) => {
  const content = request?.body.messages.at(-1)?.content;
  return Array.isArray(content)
    ? content.flatMap((block) => (block.type === "tool_result" ? [block] : []))
    : [];
};

describe("a teammate on the board", () => {
  it("of two teammates claiming one task at once, gives it to one and tells the other who has it", async () => {
    const scripts: Record<string, ReturnType<typeof finisher>> = {
      alice: finisher([reply(toolUse("claim_task", { id: 1 }))]),
      bob: finisher([reply(toolUse("claim_task", { id: 1 }))]),
    };
    const session = await start({
      script: (request) => {
        const agent = agentOfRequest(request);
        return agent === "lead"
          ? lead(["alice", "dev"], ["bob", "dev"])(request)
          : (scripts[agent]?.(request) ?? reply());
      },
    });
    await session.board().create({ subject: "Fix the bug" });
    await session.run("Start two developers.");
    await session.settle(
      () =>
        requestsOf(session.requests(), "bob").length >= 2 &&
        requestsOf(session.requests(), "alice").length >= 2,
    );
    await session.quiet();

    const answers = ["alice", "bob"].map((name) => ({
      name,
      result: resultsOf(requestsOf(session.requests(), name)[1])[0],
    }));
    const winner = answers.find((answer) => answer.result?.is_error !== true);
    const loser = answers.find((answer) => answer.result?.is_error === true);
    expect(winner?.result?.content).toBe(
      'Claimed task #1: Fix the bug. It is yours and in_progress; task_update {"id": 1, "status": "completed"} when it is done.',
    );
    expect(loser?.result?.content).toBe(
      `Task #1 is already taken by ${winner?.name} (in_progress). Nothing was changed; task_list shows what is free.`,
    );
    const [task] = (await session.board().list()).tasks;
    expect(task).toMatchObject({ owner: winner?.name, status: "in_progress" });
    expect(session.events.filter((event) => event.type === "task_claimed")).toEqual([
      { type: "task_claimed", name: winner?.name, id: 1, subject: "Fix the bug", via: "claim_task" },
    ]);
    expect((await session.team().roster.get(winner?.name ?? ""))?.task).toBe("#1 Fix the bug");
  });

  it("changes only tasks it owns: another's task, an unowned one and assigning to others are refused", async () => {
    const session = await start({
      script: (request) => {
        const agent = agentOfRequest(request);
        if (agent === "lead") return lead(["alice", "tester"], ["bob", "reviewer"])(request);
        if (agent === "alice") return aliceScript(request);
        return bobScript(request);
      },
    });
    const aliceScript = finisher([reply(text("Ready."))]);
    const bobScript = finisher([
      reply(
        toolUse("task_update", { id: 2, status: "completed" }),
        toolUse("task_update", { id: 1, status: "in_progress" }),
        toolUse("task_update", { id: 1, owner: "carol" }),
      ),
      reply(text("I will wait for my task.")),
    ]);
    const board = session.board();
    await board.create({ subject: "[reviewer] Review the fix" });
    await board.create({ subject: "Fix the bug" });
    await board.update(2, { owner: "alice" });
    await session.run("Start a tester and a reviewer.");
    await session.settle(async () => (await board.list()).tasks.every((task) => task.status === "completed"));
    await session.quiet();

    const refusals = resultsOf(requestsOf(session.requests(), "bob")[1]);
    expect(refusals.map((result) => [result.is_error, result.content])).toEqual([
      [
        true,
        "Task #2 belongs to alice: only its owner (or the lead) changes it. Send alice a message if it matters.",
      ],
      [
        true,
        'Task #1 has no owner: claim it first with claim_task {"id": 1} (a claim is made under the board\'s lock, so two agents never take one task).',
      ],
      [true, "Only the lead assigns tasks to others; claim_task claims one for yourself."],
    ]);
    // Then each took its own by itself: alice the task assigned to her, bob the one for reviewers.
    const tasks = (await board.list()).tasks;
    expect(tasks.map((task) => [task.id, task.owner, task.status])).toEqual([
      [1, "bob", "completed"],
      [2, "alice", "completed"],
    ]);
    const tools = (requestsOf(session.requests(), "bob")[0]?.body.tools ?? []).map(
      (tool) => (tool as { name: string }).name,
    );
    expect(tools).toEqual(
      expect.arrayContaining(["task_update", "task_list", "claim_task", "idle", "compact"]),
    );
    expect(tools).not.toContain("spawn_teammate");
  });

  it("ends its run when it calls idle, and says who it is again after its own compaction", async () => {
    const session = await start({
      script: (request) => {
        const agent = agentOfRequest(request);
        if (agent === "lead") return lead(["alice", "tester"])(request);
        if (isSummaryRequest(request.body)) return reply(text("SUMMARY: alice compacted on request."));
        if (shutdownRequestId(request)) return approvingShutdown(() => reply())(request);
        const seen = requestsOf(session.requests(), "alice").filter((entry) => !isSummaryRequest(entry.body));
        if (seen.length === 1) return reply(toolUse("compact", {}));
        if (seen.length === 2) return reply(text("Going idle."), toolUse("idle", {}));
        return reply(text("Still here."));
      },
    });
    await session.run("Start a tester.");
    await session.settle(() => requestsOf(session.requests(), "alice").length === 3);
    await session.quiet();

    const [first, summary, afterCompaction] = requestsOf(session.requests(), "alice");
    expect(isSummaryRequest(summary?.body ?? { messages: [] })).toBe(true);
    // The compacted history itself says who she is (not only the system prompt).
    expect(JSON.stringify(first?.body.messages)).not.toContain("<identity>");
    expect(lastMessageText(afterCompaction as RecordedRequest)).toContain(
      "<identity>\nYou are alice, a teammate on a coding team. Your role: tester.",
    );
    // Her compaction is hers: tagged with her name, none of the lead's.
    expect(session.events.some((event) => event.type === "compaction_end")).toBe(false);
    expect(session.events).toContainEqual(
      expect.objectContaining({
        type: "teammate_event",
        name: "alice",
        event: expect.objectContaining({ type: "compaction_end", ok: true }),
      }),
    );
    // idle ended the run after its round (the call answered, no further request), and she went idle.
    expect(requestsOf(session.requests(), "alice")).toHaveLength(3);
    expect((await session.team().roster.get("alice"))?.state).toBe("idle");
  });

  it("shows the task it holds in the roster, and gives it back to the board when it stops holding it", async () => {
    const session = await start({
      script: (request) => {
        const agent = agentOfRequest(request);
        if (agent === "lead")
          return lastMessageText(request).includes("Stop alice")
            ? reply(toolUse("shutdown_request", { teammate: "alice" }))
            : lead(["alice", "dev"])(request);
        return approvingShutdown((own) =>
          claimedTaskId(own) === undefined ? reply(text("Ready.")) : reply(text("Working on it.")),
        )(request);
      },
    });
    await session.board().create({ subject: "Port the parser" });
    await session.run("Start a developer.");
    await session.settle(async () => (await session.board().list()).tasks[0]?.owner === "alice");
    await session.quiet();
    expect((await session.team().roster.get("alice"))?.task).toBe("#1 Port the parser");

    await session.run("Stop alice.");
    await session.settle(async () => (await session.board().list()).tasks[0]?.status === "pending");
    expect((await session.board().list()).tasks[0]).toMatchObject({ status: "pending", owner: null });
    expect(session.events).toContainEqual({
      type: "notice",
      source: "tasks",
      text: "alice stopped holding #1: back on the board for anyone to claim",
    });
  });
});
