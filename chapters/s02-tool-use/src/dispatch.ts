// Pluggable dispatch: how the tool calls of one round are run. Sequential here; s20 runs read-only,
// concurrency-safe calls in parallel through the same seam, without touching the loop.
import type Anthropic from "@anthropic-ai/sdk";
import type { ToolCall } from "./hooks.ts";
import type { ToolRegistry } from "./registry.ts";

/**
 * Runs `calls` with `runCall` (which never throws and answers each call exactly once) and returns the
 * results in the calls' order. Contract: every call is passed to runCall exactly once, even after an
 * abort (runCall answers "interrupted" then).
 */
export type DispatchToolCalls = (
  calls: readonly ToolCall[],
  runCall: (call: ToolCall) => Promise<Anthropic.ToolResultBlockParam>,
  registry: ToolRegistry,
) => Promise<Anthropic.ToolResultBlockParam[]>;

/** One call after another, in the order the model wrote them. */
export const sequentialDispatch: DispatchToolCalls = async (calls, runCall) => {
  const results: Anthropic.ToolResultBlockParam[] = [];
  for (const call of calls) results.push(await runCall(call));
  return results;
};
