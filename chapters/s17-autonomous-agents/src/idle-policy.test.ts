// The idle policy through the real session: an idle teammate claims the first task it may take at its next
// poll (every 5 s on the manual clock, its role respected) and goes on to the next one as soon as it is free;
// a message wakes it at once (a shutdown request too, answered through s16's handshake); 60 s of idleness
// with nothing to do shut it down and tell the lead.
import { agentOfRequest, LEAD_NAME, requestsOf } from "@lcc/s15";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { approvingShutdown, claimedTaskId, lastMessageText } from "./scripted-team.ts";
import { testAutonomySetup } from "./test-agent.ts";

const start = testAutonomySetup(useCleanups());

/** alice: completes every task handed to her, then says she is done; anything else: "nothing to do". */
function alice(request: RecordedRequest) {
  const claimed = claimedTaskId(request);
  if (claimed !== undefined) return reply(toolUse("task_update", { id: claimed, status: "completed" }));
  if (lastMessageText(request).startsWith("Updated task #")) return reply(text("Done with that task."));
  return reply(text("Nothing to do yet."));
}

async function startWithAlice(role = "tester") {
  const session = await start({
    script: (request) =>
      agentOfRequest(request) === "alice"
        ? approvingShutdown(alice)(request)
        : reply(
            request.body.messages.length === 1
              ? toolUse("spawn_teammate", { name: "alice", role, prompt: "Take work from the board." })
              : lastMessageText(request).includes("Shut alice down")
                ? toolUse("shutdown_request", { teammate: "alice", reason: "the board is done" })
                : text("Noted."),
          ),
  });
  await session.run("Start alice.");
  await session.quiet();
  return session;
}

describe("an idle teammate", () => {
  it("claims the first task its role allows at its next poll, then the task that completing it unblocked", async () => {
    const session = await startWithAlice();
    const board = session.board();
    await board.create({ subject: "[docs] Write the guide" });
    await board.create({ subject: "[tester] Cover the parser" });
    await board.create({ subject: "Cover the lexer", blockedBy: [2] });

    await session.clock.advance(4_999, async () => {});
    expect((await board.list()).tasks.map((task) => task.owner)).toEqual([null, null, null]);
    await session.advance(1);

    const tasks = (await board.list()).tasks;
    expect(tasks.map((task) => [task.id, task.status, task.owner])).toEqual([
      [1, "pending", null],
      [2, "completed", "alice"],
      [3, "completed", "alice"],
    ]);
    const requests = requestsOf(session.requests(), "alice");
    expect(requests.map(claimedTaskId)).toEqual([undefined, 2, undefined, 3, undefined]);
    // The claim rode on her next call as a message after her last answer, and says how to finish it.
    expect(lastMessageText(requests[1] as RecordedRequest)).toContain("Subject: [tester] Cover the parser");
    expect(session.events.filter((event) => event.type === "task_claimed")).toEqual([
      { type: "task_claimed", name: "alice", id: 2, subject: "[tester] Cover the parser", via: "idle" },
      { type: "task_claimed", name: "alice", id: 3, subject: "Cover the lexer", via: "idle" },
    ]);
    expect(session.output()).toContain("[alice] ⚑ claimed #2 [tester] Cover the parser (while idle)");
    // Done with both, she holds nothing: the roster no longer shows a task.
    expect((await session.team().roster.get("alice"))?.task).toBeUndefined();
  });

  it("wakes at once for a message, and shuts down after 60 s with nothing to do, telling the lead", async () => {
    const session = await startWithAlice();
    await session.advance(30_000);
    await session.team().send(LEAD_NAME, "alice", "Anything new?");
    await session.settle(() => requestsOf(session.requests(), "alice").length === 2);
    await session.quiet();
    // Idle again since 30 s: at 85 s (55 s later) she still waits, at 90 s she leaves.
    await session.advance(55_000);
    expect((await session.team().roster.get("alice"))?.state).toBe("idle");
    await session.advance(5_000);
    await session.settle(async () => (await session.team().roster.get("alice"))?.state === "stopped");

    expect(session.events).toContainEqual({
      type: "teammate_state",
      name: "alice",
      state: "stopped",
      reason: "idle for 60 s with nothing to do",
    });
    const toLead = (await session.team().mailbox(LEAD_NAME).recent(10)).map((message) => message.content);
    expect(toLead.at(-1)).toBe(
      "No message and no task I may claim for 60 s: shutting down. Spawn me again to give me work.",
    );
    expect(session.clock.pending()).toBe(0);
    expect(requestsOf(session.requests(), "alice")).toHaveLength(2);
  });

  it("answers a shutdown request that arrives while idle through the handshake, at once", async () => {
    const session = await startWithAlice();
    await session.run("Shut alice down.");
    await session.settle(async () => (await session.team().roster.get("alice"))?.state === "stopped");

    const [request, ...others] = await session.agent.setup.requests.list();
    expect(others).toEqual([]);
    expect(request).toMatchObject({ kind: "shutdown", from: LEAD_NAME, to: "alice", state: "approved" });
    // Woken by the request itself (the clock never moved): her model saw it and answered it.
    const alice = requestsOf(session.requests(), "alice");
    expect(alice).toHaveLength(2);
    expect(lastMessageText(alice[1] as RecordedRequest)).toContain(`shutdown_request ${request?.id}`);
    expect(session.events).toContainEqual({
      type: "teammate_state",
      name: "alice",
      state: "stopped",
      reason: "shut down at lead's request",
    });
    expect(session.clock.pending()).toBe(0);
  });
});
