// Messages through the real session: send_message refused for an unknown or stopped teammate (is_error
// naming the team), a teammate's message to another teammate, and broadcast to everyone working or idle.
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { newlyDelivered, toolResultsOf } from "./team-requests.ts";
import { createGate, gated, requestsOf, teamScript } from "./team-script.ts";
import { testTeamSetup } from "./test-agent.ts";

const start = testTeamSetup(useCleanups());

const spawn = (name: string, prompt = "Stand by.") =>
  toolUse("spawn_teammate", { name, role: "helper", prompt });
const ready = reply(text("Ready."));

describe("team messages", () => {
  it("refuses send_message to an unknown or a stopped teammate with an error that names the team", async () => {
    const leadTurnOver = createGate();
    const agent = await start({
      script: teamScript({
        lead: [
          reply(spawn("alice"), spawn("bob")),
          reply(text("Both started.")),
          reply(
            toolUse("send_message", { to: "zoe", content: "Hello?" }),
            toolUse("send_message", { to: "bob", content: "Still there?" }),
          ),
          reply(text("Neither could be reached.")),
        ],
        alice: [gated(leadTurnOver, ready)],
        bob: [gated(leadTurnOver, ready)],
      }),
    });
    await agent.run("Start alice and bob.");
    leadTurnOver.open();
    const team = agent.team();
    await agent.untilIdle("alice", "bob");
    await agent.run("/team stop bob");
    expect(agent.output()).toContain("bob stopped.");

    await agent.run("Message zoe and bob.");
    const results = toolResultsOf(requestsOf(agent.requests(), "lead")[3]);
    expect(results.map((result) => result.isError)).toEqual([true, true]);
    expect(results[0]?.text).toContain("no teammate called zoe (on the team: alice)");
    expect(results[1]?.text).toContain("bob has stopped; spawn it again to give it work");
    expect(await team.mailbox("bob").recent()).toEqual([]);
  });

  it("carries a teammate's message to another teammate's next model call, not to the lead", async () => {
    const agent = await start({
      script: teamScript(
        {
          lead: [
            reply(spawn("bob"), spawn("alice", "Tell bob where the parser is.")),
            reply(text("Started.")),
          ],
          alice: [
            reply(toolUse("send_message", { to: "bob", content: "The parser is in src/parse.ts." })),
            reply(text("Told bob.")),
          ],
          bob: [ready, reply(text("Thanks, alice."))],
        },
        // Their final answers may reach the lead while its turn runs; it notes them.
        () => reply(text("Noted.")),
      ),
    });
    await agent.run("Start bob, then alice.");
    await agent.settle(() => requestsOf(agent.requests(), "bob").length === 2);

    expect(newlyDelivered(requestsOf(agent.requests(), "bob")[1])).toEqual([
      { from: "alice", kind: "message", content: "The parser is in src/parse.ts." },
    ]);
    await agent.settle(() => agent.queued("lead").length >= 2);
    // The lead hears only that both went idle (bob once or twice: alice's message may reach him while his
    // first turn runs, or wake him after it); alice's message itself never reaches the lead.
    const toLead = await agent.team().mailbox("lead").recent();
    expect(toLead.every((message) => message.kind === "idle")).toBe(true);
    expect(new Set(toLead.map((message) => message.from))).toEqual(new Set(["alice", "bob"]));
    expect(agent.output()).toContain("✉ alice → bob: The parser is in src/parse.ts.");
  });

  it("broadcasts to every working or idle teammate but the sender, never to a stopped one", async () => {
    const leadTurnOver = createGate();
    const bobMayAnswer = createGate();
    const agent = await start({
      script: teamScript(
        {
          lead: [
            reply(spawn("alice"), spawn("bob"), spawn("carol")),
            reply(text("Started.")),
            reply(toolUse("broadcast", { content: "Use tabs." })),
            reply(text("Told everyone.")),
          ],
          alice: [gated(leadTurnOver, ready), reply(text("Tabs it is."))],
          bob: [gated(bobMayAnswer, reply(text("Still working."))), reply(text("Tabs, noted."))],
          carol: [gated(leadTurnOver, ready)],
        },
        // alice's answer to the broadcast may reach the lead while its turn runs; it notes it.
        () => reply(text("Noted.")),
      ),
    });
    await agent.run("Start three teammates.");
    leadTurnOver.open();
    const team = agent.team();
    const stateOf = async (name: string) => (await team.roster.get(name))?.state;
    await agent.untilIdle("alice", "carol");
    await agent.run("/team stop carol");
    expect(await stateOf("bob")).toBe("working");

    await agent.run("Tell everyone to use tabs.");
    expect(toolResultsOf(requestsOf(agent.requests(), "lead")[3])).toMatchObject([
      { isError: false, text: "Sent to alice, bob." },
    ]);
    const broadcastMessage = { from: "lead", kind: "broadcast", content: "Use tabs." };
    // alice was idle: the broadcast woke her. bob was working: it joins his running turn.
    await agent.settle(() => requestsOf(agent.requests(), "alice").length === 2);
    expect(newlyDelivered(requestsOf(agent.requests(), "alice")[1])).toEqual([broadcastMessage]);
    await agent.settle(() => agent.queued("bob").length === 1);
    bobMayAnswer.open();
    await agent.settle(() => requestsOf(agent.requests(), "bob").length === 2);
    expect(newlyDelivered(requestsOf(agent.requests(), "bob")[1])).toEqual([broadcastMessage]);
    expect(await team.mailbox("carol").recent()).toEqual([]);

    // A teammate's broadcast skips itself, the stopped carol, and the lead (who is not on the roster).
    expect(await team.broadcast("alice", "Lunch at noon.")).toEqual(["bob"]);
    expect((await team.mailbox("bob").recent()).at(-1)).toMatchObject({ from: "alice", kind: "broadcast" });
    expect((await team.mailbox("lead").recent()).some((message) => message.kind === "broadcast")).toBe(false);
  });
});
