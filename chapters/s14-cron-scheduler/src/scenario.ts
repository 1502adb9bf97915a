// The s14 demo and end-to-end scenario: the model schedules a durable weekday prompt at 08:59; the demo
// clock runs 60× fast, so a second later the job fires at the idle prompt and the agent does the work.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import type { CronSetupOptions } from "./agent.ts";
import { createFastClock } from "./cron-clock.ts";

/** Monday 5 January 2026, 08:59:00 local time: where the demo clock starts. */
export const DEMO_START = new Date(2026, 0, 5, 8, 59, 0).getTime();
/** How much faster than real time the demo clock runs (09:00 plus the job's jitter comes in 1–1.5 s). */
export const DEMO_SPEED = 60;

export const DEMO_PROMPT =
  "Every weekday at 9:00, read build.log from the nightly build and tell me what failed. Keep it across restarts.";
export const SCHEDULED_PROMPT = "Read build.log from the nightly build and tell me which tests failed.";

/**
 * Options of the demo chapter, with a fresh fast clock: no real ~/.claude or ~/.lcc, and cron_create
 * allowed as `allowedTools` would (the demo has no terminal to answer the permission question).
 */
export function s14DemoOptions(): CronSetupOptions {
  return {
    home: join(tmpdir(), "lcc-s14-demo-home"),
    permissions: { allowedTools: ["cron_create"] },
    cronClock: createFastClock(DEMO_START, DEMO_SPEED),
  };
}

const buildLog = `nightly build 2026-01-05 03:00
214 tests, 212 passed, 2 failed
FAIL orders/cancel.test.ts > refunds a cancelled order within one business day
FAIL api/rate-limit.test.ts > allows 600 requests a minute per key
`;

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS14Scenario(): DemoScenario {
  const steps: FakeReply[] = [
    reply(
      text("I'll schedule that as a durable job."),
      toolUse("cron_create", { cron: "0 9 * * 1-5", prompt: SCHEDULED_PROMPT, durable: true }),
    ),
    reply(text("Scheduled: every weekday at 09:00 local time, kept in .lcc/cron.json. It runs by itself.")),
    reply(text("The 09:00 job fired: reading the nightly log."), toolUse("read_file", { path: "build.log" })),
    reply(
      text(
        "2 of 214 tests failed last night: orders/cancel.test.ts (refund of a cancelled order) and api/rate-limit.test.ts (600 requests a minute per key).",
      ),
    ),
  ];
  let position = 0;
  return {
    files: { "build.log": buildLog },
    prompts: [DEMO_PROMPT, { waitForWake: true }, "/cron"],
    script: () => steps[position++] ?? reply(text("(the scripted model has nothing more to say)")),
  };
}
