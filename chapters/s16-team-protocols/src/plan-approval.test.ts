// Plan approval through the real session: plan_submit really waits (no model call, no transport read while
// the plan is pending), the lead's plan_review answers once, and a rejected plan comes back revised.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createManualClock } from "@lcc/s14";
import { requestsOf, type TeamReply, teamScript } from "@lcc/s15";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import type { ProtocolSetupOptions } from "./agent.ts";
import { type Reaction, reactions, requestIdIn } from "./protocol-script.ts";
import { countingTransport, testProtocolSetup } from "./test-agent.ts";

/** The manual clock's start, and the pause after each timer it runs (promises settle). */
const CLOCK_START = Date.parse("2026-01-05T09:00:00Z");
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

const start = testProtocolSetup(useCleanups());

const FIRST_PLAN = "1. Rewrite notes.txt from scratch.";
const REVISED_PLAN = "1. Fix the typos in notes.txt.\n2. Keep the headings as they are.";
const review =
  (approve: boolean, feedback?: string) =>
  (request: RecordedRequest): ReturnType<Reaction[1]> =>
    reply(
      toolUse("plan_review", {
        request_id: requestIdIn(request, "plan"),
        approve,
        ...(feedback ? { feedback } : {}),
      }),
    );
const submit = (plan: string) => reply(toolUse("plan_submit", { plan }));

/** The lead spawns alice on "Tidy" and reacts to her plans with `rules`; alice starts with `alice`. */
async function withAlice(alice: TeamReply[], rules: Reaction[], options: ProtocolSetupOptions = {}) {
  const agent = await start({
    files: { "notes.txt": "# Notes\nteh typo\n" },
    script: teamScript(
      {
        lead: reactions(
          [
            [
              /Tidy the notes/,
              () =>
                reply(
                  toolUse("spawn_teammate", {
                    name: "alice",
                    role: "tidier",
                    prompt: "Tidy notes.txt; submit a plan first.",
                  }),
                ),
            ],
            ...rules,
          ],
          reply(text("Noted.")),
        ),
        alice,
      },
      () => reply(text("Noted.")),
    ),
    options: { closeTimeoutMs: 300, ...options },
  });
  await agent.run("Tidy the notes with a teammate.");
  return agent;
}

/** Runs the lead for whatever reaches its inbox until `done`. */
async function pump(agent: Awaited<ReturnType<typeof withAlice>>, done: () => Promise<boolean>) {
  await agent.settle(async () => {
    if (await done()) return true;
    if (agent.agent.queue.size() > 0) await agent.wake();
    return false;
  });
}

/** Until alice's plan waits and its plan_request has reached the lead's queue. */
const planDelivered = (agent: Awaited<ReturnType<typeof withAlice>>) =>
  agent.settle(
    async () =>
      agent.agent.queue.size() > 0 &&
      (await agent.agent.setup.requests.list({ state: "pending" })).length === 1,
  );

const stateOf = async (agent: Awaited<ReturnType<typeof withAlice>>, name: string) =>
  (await agent.team().roster.get(name))?.state;

describe("plan approval", () => {
  it("a rejected plan comes back revised; the revised plan is approved and carried out", async () => {
    const agent = await withAlice(
      [
        submit(FIRST_PLAN),
        submit(REVISED_PLAN),
        reply(toolUse("write_file", { path: "notes.txt", content: "# Notes\nthe typo\n" })),
        reply(text("Fixed the typo; headings kept.")),
      ],
      [
        [/plan_request req_[0-9a-f]{16}: 1\. Rewrite/, review(false, "Keep the headings; only fix typos.")],
        [/plan_request req_[0-9a-f]{16}: 1\. Fix the typos/, review(true, "Go ahead.")],
      ],
    );
    await pump(agent, async () => (await stateOf(agent, "alice")) === "idle");

    const plans = await agent.agent.setup.requests.list({ kind: "plan" });
    expect(plans).toMatchObject([
      {
        from: "alice",
        to: "lead",
        body: FIRST_PLAN,
        state: "rejected",
        reason: "Keep the headings; only fix typos.",
      },
      { from: "alice", to: "lead", body: REVISED_PLAN, state: "approved", reason: "Go ahead." },
    ]);
    const alice = requestsOf(agent.requests(), "alice");
    // One model call per step: each plan_submit's answer came in the next call, nothing in between.
    expect(alice).toHaveLength(4);
    const afterFirst = JSON.stringify(alice[1]?.body.messages.at(-1));
    expect(afterFirst).toContain(
      `The lead rejected your plan (${plans[0]?.id}).\\nFeedback: Keep the headings`,
    );
    expect(afterFirst).toContain("submit it again with plan_submit");
    // The lead's response message rides along with the tool result: no extra model call to read it.
    expect(afterFirst).toContain(`plan_response ${plans[0]?.id} rejected: Keep the headings`);
    expect(JSON.stringify(alice[2]?.body.messages.at(-1))).toContain(
      `The lead approved your plan (${plans[1]?.id}).\\nFeedback: Go ahead.`,
    );
    expect(await readFile(join(agent.workspace, "notes.txt"), "utf8")).toBe("# Notes\nthe typo\n");
  });

  it("the teammate really waits: no model call and no transport read while its plan is pending", async () => {
    const counter = countingTransport();
    const agent = await withAlice(
      [submit(FIRST_PLAN), reply(text("Rewrote it."))],
      [[/Approve alice's plan/, review(true)]],
      { openTransport: counter.open },
    );
    await planDelivered(agent);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const calls = requestsOf(agent.requests(), "alice").length;
    const reads = counter.reads();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requestsOf(agent.requests(), "alice")).toHaveLength(calls);
    expect(counter.reads()).toBe(reads);
    expect(await stateOf(agent, "alice")).toBe("working");

    // The user and the lead see what waits.
    await agent.run("/requests");
    expect(agent.output()).toMatch(/req_[0-9a-f]{16} plan alice → lead · pending · 1\. Rewrite notes\.txt/);
    await agent.run("Approve alice's plan.");
    await agent.settle(async () => (await stateOf(agent, "alice")) === "idle");
    expect(requestsOf(agent.requests(), "alice")).toHaveLength(2);
    expect((await agent.agent.setup.requests.list())[0]?.state).toBe("approved");
  });

  it("a plan is reviewed once: a second review is refused", async () => {
    const agent = await withAlice(
      [submit(FIRST_PLAN), reply(text("Done."))],
      [
        [/Review alice's plan/, review(true, "Fine.")],
        [/Plan req_[0-9a-f]{16} from alice approved/, review(false, "On second thought, no.")],
      ],
    );
    await planDelivered(agent);
    await agent.run("Review alice's plan.");
    const history = JSON.stringify(requestsOf(agent.requests(), "lead").at(-1)?.body.messages);
    const [plan] = await agent.agent.setup.requests.list();
    expect(history).toContain(
      `"content":"plan_review failed: request ${plan?.id} is already approved; cannot reject it"`,
    );
    expect(plan).toMatchObject({ state: "approved", reason: "Fine." });
  });

  it("an unreviewed plan expires on the clock and the teammate is told", async () => {
    const clock = createManualClock(CLOCK_START);
    const agent = await withAlice([submit(FIRST_PLAN), reply(text("I will ask the lead."))], [], {
      protocolClock: clock,
      planTimeoutMs: 600_000,
      // Only the deadline on the manual clock: no poll timers to run through 600 times.
      teamPollMs: 0,
    });
    await planDelivered(agent);
    // Its deadline is armed on the manual clock (the only timer: polling is off).
    await agent.settle(() => clock.pending() === 1);
    await clock.advance(600_000, settle);
    await agent.settle(async () => (await stateOf(agent, "alice")) === "idle");
    const [plan] = await agent.agent.setup.requests.list();
    expect(plan?.state).toBe("expired");
    expect(JSON.stringify(requestsOf(agent.requests(), "alice")[1]?.body.messages.at(-1))).toContain(
      `Nobody reviewed your plan within 10 min (${plan?.id} expired)`,
    );
  });

  it("session close while a plan waits: the wait ends with the teammate, within the timeout", async () => {
    const agent = await withAlice([submit(FIRST_PLAN)], [], { closeTimeoutMs: 300 });
    await agent.settle(
      async () => (await agent.agent.setup.requests.list({ state: "pending" })).length === 1,
    );
    const started = Date.now();
    await agent.close();
    expect(Date.now() - started).toBeLessThan(2000);
    const requests = await agent.agent.setup.requests.list();
    expect(requests.map((request) => [request.kind, request.state])).toEqual([
      ["plan", "expired"],
      ["shutdown", "expired"],
    ]);
    expect(agent.team().running()).toEqual([]);
  });
});
