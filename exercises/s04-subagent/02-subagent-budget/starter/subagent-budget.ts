// Exercise s04/02: a budget of subagents per prompt. Every `agent` call starts a whole new conversation
// with the model; cap how many one prompt may start. Right now every call goes through; see README.md.
import type { AgentHooks } from "@lcc/s02";

/** Names the decisions this hook makes (the `source` of its tool_decision events). */
export const SUBAGENT_BUDGET_SOURCE = "subagent-budget";

/** Hooks that let at most `maxPerPrompt` agent calls run per user prompt; later ones are denied. */
export function createSubagentBudget(_maxPerPrompt: number): AgentHooks {
  return {
    preToolUse(_call, _context) {
      return undefined;
    },
  };
}
