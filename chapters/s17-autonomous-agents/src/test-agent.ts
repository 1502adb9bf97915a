import { createManualClock, type ManualClock } from "@lcc/s14";
import { testTeamSetup, waitUntil } from "@lcc/s15/test-agent";
import type { Script } from "@lcc/testkit";
import type { AddCleanup } from "@lcc/testkit/vitest";
import { type AutonomySetup, type AutonomySetupOptions, createAutonomySetup } from "./agent.ts";

/** Monday 5 January 2026, 09:00 UTC: the idle clock's start. */
export const IDLE_CLOCK_START = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface TestAutonomyOptions {
  script: Script;
  files?: Record<string, string>;
  options?: AutonomySetupOptions;
}

/**
 * `start(options)` for a test file: s15's handles (run, wake, settle, team, requests, events, close) on s17's
 * setup, plus `clock` (idle polling; inbox polling stays off), `board()` (the session's task store) and
 * `quiet()`: resolves once every running teammate is idle and waiting for its next poll.
 */
export function testAutonomySetup(addCleanup: AddCleanup) {
  const start = testTeamSetup(addCleanup);
  return async (options: TestAutonomyOptions) => {
    const clock: ManualClock = createManualClock(IDLE_CLOCK_START);
    const session = await start<AutonomySetup, AutonomySetupOptions>({
      script: options.script,
      ...(options.files ? { files: options.files } : {}),
      options: { idleClock: clock, ...options.options },
      createSetup: createAutonomySetup,
    });
    const board = () => session.agent.setup.tasks;
    const isQuiet = () => {
      const running = session.team().running();
      return running.every((teammate) => teammate.current() === "idle") && clock.pending() === running.length;
    };
    return {
      ...session,
      clock,
      board,
      quiet: (timeoutMs?: number) => waitUntil(isQuiet, timeoutMs),
      /** Moves the idle clock `ms` forward, letting the team go quiet after each poll it causes. */
      advance: (ms: number) => clock.advance(ms, () => waitUntil(isQuiet, 60_000)),
    };
  };
}
