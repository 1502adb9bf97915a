// Solution s04/02: a budget of subagents per prompt. Calls are counted in preToolUse (before they run, so
// parallel calls count too); the first model call of a run, turn 1, starts the budget again.
import type { AgentHooks } from "@lcc/s02";

/** Names the decisions this hook makes (the `source` of its tool_decision events). */
export const SUBAGENT_BUDGET_SOURCE = "subagent-budget";

/** Hooks that let at most `maxPerPrompt` agent calls run per user prompt; later ones are denied. */
export function createSubagentBudget(maxPerPrompt: number): AgentHooks {
  let started = 0;
  return {
    transformContext(messages, context) {
      if (context.turn === 1) started = 0;
      return messages;
    },
    preToolUse(call) {
      if (call.name !== "agent") return undefined;
      if (started < maxPerPrompt) {
        started += 1;
        return undefined;
      }
      return {
        kind: "deny",
        source: SUBAGENT_BUDGET_SOURCE,
        reason:
          `Not started: this prompt already used its ${maxPerPrompt} subagents. ` +
          "Do the rest yourself with your own tools, or tell the user what is left.",
      };
    },
  };
}
