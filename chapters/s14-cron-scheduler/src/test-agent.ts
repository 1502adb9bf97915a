// Test helper for the s14 tests: the real s14 session on the fake API in a temp workspace and temp home,
// its scheduler on a manual clock, so a minute passes when the test says so.
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, startAgentTest } from "@lcc/testkit/vitest";
import { type CronSetup, type CronSetupOptions, createCronSetup } from "./agent.ts";
import { createManualClock, type ManualClock } from "./test-clock.ts";

/** Monday 5 January 2026, 08:58:00 local time: the tests' "now". */
export const MONDAY_0858 = new Date(2026, 0, 5, 8, 58, 0).getTime();
export const MINUTE = 60_000;

export interface TestAgentOptions {
  script: Script;
  /** Run on this workspace instead of a new one (a restart on the same workspace). */
  workspace?: string;
  /** Run with this home instead of a new one (the same user restarting). */
  home?: string;
  /** The clock (default a manual clock at MONDAY_0858). */
  clock?: ManualClock;
  options?: CronSetupOptions;
}

/**
 * `start(options)` for a test file: `run(line)` handles a line as the REPL does, `wake()` runs the turn
 * an idle REPL runs for queued work, `advance(ms)` moves the clock and waits for the fires it caused,
 * `requests()` are the model requests (pairing checked), `close()` ends the session as the REPL does.
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async (options: TestAgentOptions) => {
    const clock = options.clock ?? createManualClock(MONDAY_0858);
    const events: AgentEvent[] = [];
    const started = await startAgentTest(addCleanup, {
      script: options.script,
      model: DEFAULT_MODEL,
      homePrefix: "lcc-s14-home-",
      ...(options.workspace ? { workspace: options.workspace } : {}),
      ...(options.home ? { home: options.home } : {}),
      async createAgent({ home, ...context }) {
        const setupOptions: CronSetupOptions = {
          // Scheduling asks like any tool that acts later on its own; these tests have no terminal to answer.
          permissions: { mode: "acceptEdits", allowedTools: ["cron_create", "cron_delete"] },
          home,
          cronClock: clock,
          ...options.options,
        };
        const agent = await createSessionAgent<CronSetup>(
          (setup) => createCronSetup(setup, setupOptions),
          context,
        );
        agent.subscribe((event) => events.push(event), { replay: false });
        return agent;
      },
    });
    const { agent } = started;
    const cron = () => agent.setup.cron;
    return {
      ...started,
      clock,
      events,
      cron,
      /** The idle REPL's turn for queued work; false when nothing was queued. */
      wake: () => agent.wake?.run(new AbortController().signal) ?? Promise.resolve(false),
      advance: (ms: number, advanceOptions?: { sleep?: boolean }) =>
        clock.advance(ms, () => cron().idle(), advanceOptions),
      close: () => agent.close(),
    };
  };
}
