// Your cron_remind in the real s14 session on a manual clock: "in 20 minutes" at 08:58 becomes the one-shot job
// "18 9 5 1 *", which fires at 09:18 plus its jitter (not a minute earlier), wakes the idle agent, and is gone.
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import { type CronSetup, createCronSetup, createManualClock, jitterMs } from "@lcc/s14";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createCronRemindTool, cronAt } from "./cron-remind.ts";

const addCleanup = useCleanups();
const MINUTE = 60_000;
/** Local time in January 2026. */
const at = (day: number, hour: number, minute: number, second = 0) =>
  new Date(2026, 0, day, hour, minute, second).getTime();

describe("cronAt", () => {
  it("matches exactly the local minute it was given, with any day of the week", () => {
    expect(cronAt(at(5, 9, 18, 40))).toBe("18 9 5 1 *");
    expect(cronAt(new Date(2026, 11, 31, 23, 59).getTime())).toBe("59 23 31 12 *");
    expect(cronAt(at(1, 0, 0))).toBe("0 0 1 1 *");
  });
});

describe("cron_remind in the session", () => {
  it("fires once, in_minutes later plus the job's jitter, and the woken turn carries the prompt", async () => {
    const clock = createManualClock(at(5, 8, 58));
    const events: AgentEvent[] = [];
    const agent = await startAgentTest(addCleanup, {
      script: [
        reply(toolUse("cron_remind", { in_minutes: 20, prompt: "Look at the deploy" })),
        reply(text("I will look at the deploy at 09:18.")),
        reply(text("The deploy is done.")),
      ],
      model: DEFAULT_MODEL,
      homePrefix: "lcc-s14-exercise-",
      async createAgent({ home, ...context }) {
        const session = await createSessionAgent<CronSetup>(async (setupContext) => {
          const setup = await createCronSetup(setupContext, {
            permissions: { mode: "bypassPermissions" },
            home,
            cronClock: clock,
            newCronJobId: () => "00c0ffee",
          });
          return { ...setup, tools: [...setup.tools, createCronRemindTool(setup.cron)] };
        }, context);
        session.subscribe((event) => events.push(event), { replay: false });
        return session;
      },
    });
    const cron = () => agent.agent.setup.cron;
    const advance = (ms: number) => clock.advance(ms, () => cron().idle());
    await agent.run("Remind me in 20 minutes to look at the deploy.");
    expect(cron().list().jobs).toMatchObject([{ id: "00c0ffee", cron: "18 9 5 1 *", recurring: false }]);

    await advance(20 * MINUTE + jitterMs("00c0ffee") - 1);
    expect(events.filter((event) => event.type === "cron_fire")).toHaveLength(0);
    await advance(1);
    expect(events.filter((event) => event.type === "cron_fire")).toHaveLength(1);
    expect(await agent.agent.wake?.run(new AbortController().signal)).toBe(true);

    const requests = agent.requests();
    expect(requests).toHaveLength(3);
    expect(JSON.stringify(requests[2]?.body.messages.at(-1))).toContain("Look at the deploy");
    expect(cron().list().jobs).toEqual([]);
    assertPairingInvariant(requests);
  });
});
