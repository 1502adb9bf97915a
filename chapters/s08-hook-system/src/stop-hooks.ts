// Stop and SubagentStop hooks on the after-turn seam: when the model would stop, a hook may send it
// back to work with a reason, at most MAX_STOP_BLOCKS times in a row; `continue: false` ends the run.
import type { AgentHooks, AgentState } from "@lcc/s02";
import { collectFeedback } from "./hook-feedback.ts";
import type { HookRunner } from "./hook-runner.ts";
import type { TurnStops } from "./turn-stops.ts";

/** How many times in a row a Stop hook may keep the agent working before it is allowed to stop. */
export const MAX_STOP_BLOCKS = 3;

export interface StopHooksOptions {
  runner: HookRunner;
  stops: TurnStops;
  /** "Stop" for the session's agent, "SubagentStop" for the children it starts. */
  event: "Stop" | "SubagentStop";
  /** Ends the run before any Stop hook fires (a blocked prompt); undefined: go on. */
  endBefore?: (state: AgentState) => string | undefined;
}

export function createStopHooks(options: StopHooksOptions): AgentHooks {
  const { runner, stops, event } = options;
  const blocksInARow = new WeakMap<AgentState, number>();
  return {
    async afterTurn(round, context) {
      const early = options.endBefore?.(context.state) ?? stops.take(context.state);
      if (early) return { kind: "end", reason: "stopped", detail: early };
      if (round.stopReason === "tool_use" && round.toolCalls.length > 0) return undefined;
      const count = blocksInARow.get(context.state) ?? 0;
      const fired = await runner.fire(event, {
        input: { stop_hook_active: count > 0 },
        signal: context.signal,
        messages: context.state.messages,
      });
      const feedback = collectFeedback(fired);
      if (feedback.stop) return { kind: "end", reason: "stopped", detail: feedback.stop };
      if (feedback.blocks.length === 0 || context.signal.aborted) {
        blocksInARow.delete(context.state);
        return undefined;
      }
      if (count >= MAX_STOP_BLOCKS) {
        blocksInARow.delete(context.state);
        const text = `${event} hooks blocked stopping ${MAX_STOP_BLOCKS} times in a row; the agent stops here.`;
        context.emit({ type: "notice", source: "hooks", level: "warn", text });
        return undefined;
      }
      blocksInARow.set(context.state, count + 1);
      return {
        kind: "continue",
        reason: "stop_hook",
        content: `${event} hook feedback (you were about to stop): ${feedback.blocks.join("\n")}`,
      };
    },
  };
}
