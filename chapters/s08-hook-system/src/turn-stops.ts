// A hook's `continue: false` asks the agent to stop: remembered per conversation state until the
// round ends, when the stop seam ends the run with the hook's reason.
import type { AgentState } from "@lcc/s02";

export interface TurnStops {
  request(state: AgentState, reason: string): void;
  /** The pending stop of `state`, cleared as it is read. */
  take(state: AgentState): string | undefined;
}

export function createTurnStops(): TurnStops {
  const pending = new WeakMap<AgentState, string>();
  return {
    request(state, reason) {
      if (!pending.has(state)) pending.set(state, reason);
    },
    take(state) {
      const reason = pending.get(state);
      pending.delete(state);
      return reason;
    },
  };
}
