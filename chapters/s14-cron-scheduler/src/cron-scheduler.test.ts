// The scheduler in a real session on a manual clock: a fire queues the prompt for the next turn and the
// idle agent's woken turn carries it; one-shot removal, 7-day expiry, no storm, never inside a turn.
import type { AgentEvent } from "@lcc/s02";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { JOB_LIFETIME_MS, jitterMs } from "./cron-job.ts";
import { MINUTE, testAgentSetup } from "./test-agent.ts";

const addCleanup = useCleanups();
const start = testAgentSetup(addCleanup);
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Past any job's jitter (at most 30 s). */
const JITTER = 30_000;

/** A model that answers every request "ok". */
const okModel = () => reply(text("ok"));

/** The text of the last user message of a request. */
function lastUserText(request: { body: { messages: Array<{ role: string; content: unknown }> } }): string {
  return JSON.stringify(request.body.messages.at(-1)?.content ?? "");
}

type CronFire = Extract<AgentEvent, { type: "cron_fire" }>;

function fires(events: readonly AgentEvent[]): CronFire[] {
  return events.filter((event): event is CronFire => event.type === "cron_fire");
}

describe("the cron scheduler", () => {
  it("fires on the clock, queues the prompt, and the idle agent's woken turn carries it", async () => {
    const agent = await start({
      script: [
        reply(toolUse("cron_create", { cron: "0 9 * * *", prompt: "Check the nightly build" })),
        reply(text("Scheduled for 9:00 every day.")),
        reply(text("The nightly build is green.")),
      ],
      options: { newCronJobId: () => "00c0ffee" },
    });
    await agent.run("Every day at 9, check the nightly build.");
    expect(agent.cron().list().jobs).toMatchObject([{ id: "00c0ffee", cron: "0 9 * * *", recurring: true }]);

    // The job's jitter is a fixed 0–30 s from its id: it fires exactly that long after 09:00.
    const jitter = jitterMs("00c0ffee");
    expect(jitter).toBe(jitterMs("00c0ffee"));
    expect(jitter).toBeGreaterThan(0);
    expect(jitter).toBeLessThan(JITTER);
    await agent.advance(2 * MINUTE + jitter - 1);
    expect(fires(agent.events)).toHaveLength(0);
    expect(agent.agent.queue.size()).toBe(0);

    await agent.advance(1);
    expect(fires(agent.events)).toMatchObject([{ id: "00c0ffee", prompt: "Check the nightly build" }]);
    expect(agent.agent.queue.size()).toBe(1);
    expect(await agent.wake()).toBe(true);

    const requests = agent.requests();
    expect(requests).toHaveLength(3);
    expect(lastUserText(requests[2]!)).toContain(
      '<scheduled-prompt job=\\"00c0ffee\\" cron=\\"0 9 * * *\\" scheduled-for=\\"Mon 2026-01-05 09:00\\"',
    );
    expect(lastUserText(requests[2]!)).toContain("Check the nightly build");
    expect(agent.output()).toContain('⏰ cron 00c0ffee (09:00): "Check the nightly build"');
    expect(agent.output()).toContain("The nightly build is green.");
  });

  it("removes a one-shot job after its fire", async () => {
    const agent = await start({ script: okModel });
    await agent.cron().create({ cron: "*/5 * * * *", prompt: "stretch", recurring: false, durable: false });
    await agent.advance(2 * MINUTE + JITTER); // 09:00:30
    expect(fires(agent.events)).toHaveLength(1);
    expect(agent.cron().list().jobs).toEqual([]);
    await agent.wake();
    await agent.advance(HOUR);
    expect(fires(agent.events)).toHaveLength(1);
  });

  it("expires a recurring job 7 days after it was created, with a notice, and fires it no more", async () => {
    const agent = await start({ script: okModel });
    const job = await agent
      .cron()
      .create({ cron: "0 9 * * *", prompt: "standup notes", recurring: true, durable: false });
    for (let day = 0; day < 8; day++) {
      await agent.advance(DAY);
      await agent.wake();
    }
    // Created Monday 08:58: it fires at 09:00 Monday to Sunday, and is gone before next Monday's 09:00.
    expect(fires(agent.events)).toHaveLength(7);
    expect(agent.cron().list().jobs).toEqual([]);
    const expiry = agent.events.find((event) => event.type === "notice" && event.text.includes("expired"));
    expect(expiry).toMatchObject({
      source: "cron",
      text: expect.stringContaining(`cron ${job.id} expired 7 days`),
    });
    expect(JOB_LIFETIME_MS).toBe(7 * DAY);
  });

  it("fires once after the laptop slept through hours of minutes, then keeps its schedule", async () => {
    const agent = await start({ script: okModel });
    await agent.cron().create({ cron: "* * * * *", prompt: "tick", recurring: true, durable: false });
    await agent.advance(3 * HOUR, { sleep: true });
    // One fire, for the latest minute missed (11:57 or 11:58, by its jitter), not 08:59.
    expect(fires(agent.events)).toHaveLength(1);
    const [fire] = fires(agent.events);
    expect(fire!.minute).toBeGreaterThanOrEqual(agent.clock.now() - 2 * MINUTE);
    await agent.wake();
    expect(lastUserText(agent.requests()[0]!).split("<scheduled-prompt").length - 1).toBe(1);
    await agent.advance(MINUTE);
    expect(fires(agent.events)).toHaveLength(2);
  });

  it("keeps one prompt waiting while the agent is busy instead of piling one up per minute", async () => {
    const agent = await start({ script: okModel });
    await agent.cron().create({ cron: "* * * * *", prompt: "tick", recurring: true, durable: false });
    await agent.advance(10 * MINUTE); // nobody takes the queue: a long turn, a user away from the REPL
    expect(fires(agent.events)).toHaveLength(1);
    expect(agent.agent.queue.size()).toBe(1);
    await agent.wake();
    expect(lastUserText(agent.requests()[0]!).split("<scheduled-prompt").length - 1).toBe(1);
    await agent.advance(MINUTE);
    expect(fires(agent.events)).toHaveLength(2);
  });

  it("never joins a running turn: a prompt due mid-turn waits for the next run", async () => {
    let advance: (() => Promise<void>) | undefined;
    const agent = await start({
      script: async (_request, index) => {
        if (index === 0) {
          await advance?.(); // the job falls due while the model is working
          return reply(toolUse("cron_list", {}));
        }
        return reply(text(index === 1 ? "Listed." : "Ticked."));
      },
    });
    advance = () => agent.advance(2 * MINUTE + JITTER);
    await agent.cron().create({ cron: "0 9 * * *", prompt: "tick", recurring: true, durable: false });
    await agent.run("What is scheduled?");
    expect(fires(agent.events)).toHaveLength(1);
    const inTurn = agent.requests();
    expect(inTurn).toHaveLength(2);
    expect(lastUserText(inTurn[1]!)).not.toContain("scheduled-prompt");
    expect(await agent.wake()).toBe(true);
    expect(lastUserText(agent.requests()[2]!)).toContain("scheduled-prompt");
  });

  it("keeps its jobs across /clear and stops when the session closes", async () => {
    const agent = await start({ script: okModel });
    await agent.cron().create({ cron: "0 9 * * *", prompt: "tick", recurring: true, durable: false });
    await agent.run("/clear");
    expect(agent.cron().list().jobs).toHaveLength(1);
    await agent.advance(2 * MINUTE + JITTER);
    expect(fires(agent.events)).toHaveLength(1);
    await agent.wake();
    await agent.close();
    expect(agent.clock.pending()).toBe(0);
    await agent.advance(DAY);
    expect(fires(agent.events)).toHaveLength(1);
  });
});
