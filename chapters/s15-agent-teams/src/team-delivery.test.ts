// Delivery through the queue seam, in the real session: a message that arrives while a teammate works joins
// its next model call (after the tool results) or keeps its finished turn going; one appended during a read
// of the lead's inbox comes with the next read, never lost.
import { createManualClock } from "@lcc/s14";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createMailbox } from "./mailbox.ts";
import { deliveredMessages, newlyDelivered } from "./team-requests.ts";
import { createGate, gated, requestsOf, teamScript } from "./team-script.ts";
import { testTeamSetup } from "./test-agent.ts";
import { openTeamTransport } from "./transport/open-team-transport.ts";
import type { TeamTransport } from "./transport/team-transport.ts";

const start = testTeamSetup(useCleanups());

const spawnAlice = toolUse("spawn_teammate", { name: "alice", role: "writer", prompt: "Write a.txt." });

/** alice's first reply waits until the test has sent her a message and it sits in her queue. */
async function startWithAliceHeld(first: ReturnType<typeof reply>, second: ReturnType<typeof reply>) {
  const messageQueued = createGate();
  const agent = await start({
    script: teamScript(
      { lead: [reply(spawnAlice), reply(text("Started."))], alice: [gated(messageQueued, first), second] },
      () => reply(text("Noted.")),
    ),
  });
  await agent.run("Start alice.");
  await agent.settle(() => requestsOf(agent.requests(), "alice").length === 1);
  await agent.team().send("lead", "alice", "Also write b.txt.");
  await agent.settle(() => agent.queued("alice").length === 1);
  messageQueued.open();
  await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
  return agent;
}

describe("team delivery", () => {
  it("puts a message that arrives while a teammate works into its next model call, after the tool results", async () => {
    const agent = await startWithAliceHeld(
      reply(toolUse("write_file", { path: "a.txt", content: "a\n" })),
      reply(text("Wrote a.txt.")),
    );
    const second = requestsOf(agent.requests(), "alice")[1];
    const last = second?.body.messages.at(-1);
    expect(second?.body.messages).toHaveLength(3);
    expect(Array.isArray(last?.content) && last.content.map((block) => block.type)).toEqual([
      "tool_result",
      "text",
    ]);
    expect(newlyDelivered(second)).toEqual([{ from: "lead", kind: "message", content: "Also write b.txt." }]);
  });

  it("keeps a teammate's finished turn going for a message that arrived during its last model call", async () => {
    const agent = await startWithAliceHeld(reply(text("Wrote a.txt.")), reply(text("And b.txt.")));
    const second = requestsOf(agent.requests(), "alice")[1];
    expect(second?.body.messages.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
    expect(newlyDelivered(second)).toEqual([{ from: "lead", kind: "message", content: "Also write b.txt." }]);
    // One run: it went idle once, after answering the message, never in between.
    const states = agent.events.flatMap((event) =>
      event.type === "teammate_state" && event.name === "alice" ? [event.state] : [],
    );
    expect(states).toEqual(["idle"]);
  });

  it("delivers a message appended during a read of the lead's inbox with the next read, once", async () => {
    const clock = createManualClock(Date.now());
    let interpose = true;
    // Another process's writer appends to the lead's inbox while the lead's delivery is reading it.
    const openTransport = async (context: {
      workspace: string;
      env?: NodeJS.ProcessEnv;
    }): Promise<TeamTransport> => {
      const transport = await openTeamTransport({ workspace: context.workspace, env: context.env ?? {} });
      const other = createMailbox(
        await openTeamTransport({ workspace: context.workspace, env: context.env ?? {} }),
        "remote",
      );
      return {
        ...transport,
        async read(stream, after, limit) {
          const entries = await transport.read(stream, after, limit);
          if (interpose && stream === "inbox:lead" && entries.length > 0) {
            interpose = false;
            await other.send("lead", { content: "during" });
          }
          return entries;
        },
      };
    };
    const agent = await start({
      script: teamScript({ lead: [reply(text("Read both."))] }),
      options: { teamClock: clock, teamPollMs: 1000, openTransport },
    });
    await agent.team().send("alice", "lead", "before");
    await agent.settle(() => agent.queued("lead").length >= 1);
    expect(interpose).toBe(false);
    // "during" woke nobody in this process: the next read (a wake-up's, else the next poll) brings it.
    await clock.advance(1000, () => agent.settle(() => agent.queued("lead").length === 2));
    const batches = agent.events.flatMap((event) =>
      event.type === "inbox_queued" && event.name === "lead"
        ? [event.messages.map((message) => message.from)]
        : [],
    );
    expect(batches).toEqual([["alice"], ["remote"]]);

    expect(await agent.wake()).toBe(true);
    const delivered = deliveredMessages(requestsOf(agent.requests(), "lead")[0]);
    expect(delivered.map((message) => [message.from, message.content])).toEqual([
      ["alice", "before"],
      ["remote", "during"],
    ]);
    await agent.settle(async () => (await agent.team().mailbox("lead").peek()) === 0);
  });
});
