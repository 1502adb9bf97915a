// s11 02: a failure streak — round after round every tool call fails, each time with other input, so
// s11's doom-loop guard (same call, same input) never sees it. Remind once, then stop the run.
import type { AgentHooks } from "@lcc/s02";

declare module "@lcc/s02" {
  interface ContinueReasons {
    /** The failure-streak guard reminded the model (its own reason: s11's doom_loop text says "the same call"). */
    failure_streak: true;
  }
}

/** Rounds in a row whose every tool call failed that count as a streak. */
export const FAILURE_STREAK = 3;

/** The reminder appended after the round's tool results the first time. */
export function failureStreakReminder(tools: string, rounds: number): string {
  return (
    `<system-reminder>Every tool call of the last ${rounds} rounds failed (${tools}). Read the errors before ` +
    "trying again: change your approach, or stop and tell the user what is blocking you.</system-reminder>"
  );
}

/**
 * An afterTurn seam. Counts rounds in a row where the model called tools and every result is an error
 * (reset at each prompt and by any round with a success or without calls). At `limit`, the first time in
 * a run: `continue` (reason failure_streak) with {@link failureStreakReminder}; any later failing round of that
 * streak: `end` with reason "stopped" and a detail naming the tools.
 */
export function createFailureStreakGuard(_limit = FAILURE_STREAK): AgentHooks {
  return {
    afterTurn(_round, _context) {
      // TODO: count the failing rounds (round.results, is_error); reset on context.turn === 1.
      return undefined;
    },
  };
}
