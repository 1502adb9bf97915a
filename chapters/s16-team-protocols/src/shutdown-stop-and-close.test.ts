// /team stop and session close go through the handshake: an answer is waited for, an unanswered request
// expires on the clock (then /team stop aborts the teammate), and close never hangs on a silent teammate.

import { createManualClock } from "@lcc/s14";
import { requestsOf, type TeamReply, teamScript } from "@lcc/s15";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import type { ProtocolSetupOptions } from "./agent.ts";
import { reactions, shutdownAnswer } from "./protocol-script.ts";
import { testProtocolSetup } from "./test-agent.ts";

/** The manual clock's start, and the pause after each timer it runs (promises settle). */
const CLOCK_START = Date.parse("2026-01-05T09:00:00Z");
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

const start = testProtocolSetup(useCleanups());

const answer = shutdownAnswer;
const silent = reply(text("Busy, I will look at my inbox later."));

/** A session whose lead spawned alice, who went idle; `alice` are her replies after that. */
async function withIdleAlice(alice: TeamReply[], options: ProtocolSetupOptions = {}) {
  const agent = await start({
    script: teamScript(
      {
        lead: reactions(
          [
            [
              /Tidy/,
              () => reply(toolUse("spawn_teammate", { name: "alice", role: "tidier", prompt: "Tidy." })),
            ],
            [/Shut alice down/, () => reply(toolUse("shutdown_request", { teammate: "alice" }))],
          ],
          reply(text("Noted.")),
        ),
        alice: [reply(text("Tidied.")), ...alice],
      },
      () => silent,
    ),
    options: { closeTimeoutMs: 300, ...options },
  });
  await agent.run("Tidy the notes with a teammate.");
  await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
  return agent;
}

describe("/team stop and session close", () => {
  it("/team stop waits for the teammate's answer: declined, it goes on and the user reads why", async () => {
    const agent = await withIdleAlice([
      answer(false, "halfway through a migration"),
      reply(text("Going on.")),
    ]);
    await agent.run("/team stop alice");
    expect(agent.output()).toMatch(
      /alice declined \(req_[0-9a-f]{16}\): halfway through a migration\. It goes on\./,
    );
    await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
    expect(
      agent
        .team()
        .running()
        .map((teammate) => teammate.name),
    ).toEqual(["alice"]);
  });

  it("/team stop expires an unanswered request on the clock, then stops the teammate without agreement", async () => {
    const clock = createManualClock(CLOCK_START);
    const agent = await withIdleAlice([silent], { protocolClock: clock, shutdownTimeoutMs: 30_000 });
    const stopping = agent.run("/team stop alice");
    await agent.settle(() => requestsOf(agent.requests(), "alice").length === 2);
    await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
    await clock.advance(29_000, settle);
    expect(agent.output()).not.toContain("did not answer");
    await clock.advance(1000, settle);
    await stopping;
    expect(agent.output()).toMatch(
      /alice did not answer within 30 s \(req_[0-9a-f]{16} expired\): stopped it without its agreement\./,
    );
    const [request] = await agent.agent.setup.requests.list();
    expect(request?.state).toBe("expired");
    expect((await agent.team().roster.get("alice"))?.state).toBe("stopped");
  });

  it("tells the lead when its shutdown_request expires unanswered; a late answer is refused", async () => {
    const clock = createManualClock(CLOCK_START);
    const agent = await withIdleAlice([silent, answer(true), reply(text("Oh."))], {
      protocolClock: clock,
      shutdownTimeoutMs: 30_000,
    });
    await agent.run("Shut alice down.");
    await agent.settle(async () => (await agent.team().roster.get("alice"))?.state === "idle");
    await clock.advance(29_000, settle);
    const [request] = await agent.agent.setup.requests.list();
    expect(request?.state).toBe("pending");
    await clock.advance(1000, settle);
    const id = request?.id ?? "";
    await agent.settle(async () => (await agent.agent.setup.requests.get(id)).state === "expired");
    const note = `Your shutdown request to alice (${id}) expired: no answer within 30 s.`;
    // The note reaches the lead's next turn (the idle REPL wakes for it).
    await agent.settle(async () => {
      if (agent.agent.queue.size() > 0) await agent.wake();
      return JSON.stringify(requestsOf(agent.requests(), "lead").at(-1)?.body.messages).includes(note);
    });
    // Alice answers late (a message wakes her): the answer is refused.
    await agent.team().send("lead", "alice", "Anything to add?");
    await agent.settle(() => requestsOf(agent.requests(), "alice").length === 4);
    expect(JSON.stringify(requestsOf(agent.requests(), "alice")[3]?.body.messages.at(-1))).toContain(
      `request ${request?.id} is already expired; cannot approve it`,
    );
  });

  it("session close: a teammate that agrees stops through the handshake", async () => {
    // A long timeout: the close ends as soon as she agrees.
    const agent = await withIdleAlice([answer(true)], { closeTimeoutMs: 10_000 });
    await agent.close();
    const [request] = await agent.agent.setup.requests.list();
    expect(request).toMatchObject({
      kind: "shutdown",
      to: "alice",
      state: "approved",
      body: "the session is ending",
    });
    expect(requestsOf(agent.requests(), "alice")).toHaveLength(2);
    expect(agent.team().running()).toEqual([]);
  });

  it("session close with a teammate that never answers ends within the timeout and leaves no loop running", async () => {
    const agent = await withIdleAlice([silent], { closeTimeoutMs: 400 });
    const started = Date.now();
    await agent.close();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(350);
    expect(took).toBeLessThan(2000);
    const [request] = await agent.agent.setup.requests.list();
    expect(request?.state).toBe("expired");
    expect(agent.team().running()).toEqual([]);
    expect((await agent.team().roster.get("alice"))?.state).toBe("stopped");
    const calls = requestsOf(agent.requests(), "alice").length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requestsOf(agent.requests(), "alice")).toHaveLength(calls);
  });
});
