// A doom loop: the model makes the same tool call (same tool, same input) round after round. The third
// time in a row it gets one corrective <system-reminder>; if it repeats again, the run stops.
import type { AgentHooks, Round } from "@lcc/s02";

/** Identical rounds in a row that count as a doom loop. */
export const DOOM_LOOP_REPEATS = 3;

/** The reminder appended after the round's tool results the first time. */
export function doomLoopReminder(tool: string, repeats: number): string {
  return (
    `<system-reminder>You have called ${tool} with exactly the same input ${repeats} times in a row. ` +
    "Repeating it will not give a different result. Change your approach (other input, another tool), " +
    "or stop and tell the user what is blocking you.</system-reminder>"
  );
}

/**
 * The key of a round that called tools: every call's name and input, in order (object keys sorted so
 * the same input written in another key order still matches). Undefined for a round without calls.
 */
export function roundKey(round: Pick<Round, "stopReason" | "toolCalls">): string | undefined {
  if (round.stopReason !== "tool_use" || round.toolCalls.length === 0) return undefined;
  return JSON.stringify(round.toolCalls.map((call) => [call.name, canonical(call.input)]));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(entries.map(([key, inner]) => [key, canonical(inner)]));
}

/**
 * An afterTurn seam. Counts identical tool-call rounds in a row (reset at each prompt and by any
 * different round). At `repeats`: the first time in a run, `continue` (reason doom_loop) with
 * {@link doomLoopReminder} after the results; any later time in the same run, `end` with reason
 * "stopped" and a detail naming the call.
 */
export function createDoomLoopGuard(repeats = DOOM_LOOP_REPEATS): AgentHooks {
  let lastKey: string | undefined;
  let streak = 0;
  let reminded = false;
  return {
    afterTurn(round, context) {
      if (context.turn === 1) {
        lastKey = undefined;
        streak = 0;
        reminded = false;
      }
      const key = roundKey(round);
      streak = key !== undefined && key === lastKey ? streak + 1 : key === undefined ? 0 : 1;
      lastKey = key;
      if (streak < repeats) return undefined;
      const tool = round.toolCalls.map((call) => call.name).join(" + ");
      if (!reminded) {
        reminded = true;
        return { kind: "continue", reason: "doom_loop", content: doomLoopReminder(tool, streak) };
      }
      return {
        kind: "end",
        reason: "stopped",
        detail: `doom loop: ${tool} called with the same input ${streak} times in a row, also after a reminder to change course`,
      };
    },
  };
}
