// The totals in the trace page's header, summed while the model is built: requests, turns, tool calls, the
// four token counts, and the largest count (the scale of every token bar).
import type { TraceUsage } from "../../chapter-kit/src/trace/trace-format.ts";
import type { PageTotals } from "./page-model.ts";

/** Totals of nothing yet. */
export function createTotals(): PageTotals {
  return {
    sessions: 0,
    requests: 0,
    turns: 0,
    toolCalls: 0,
    toolErrors: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheRead: 0,
    cacheWrite: 0,
    largestTokens: 0,
  };
}

/** Adds one reply's usage (missing or null counts are 0) and widens the bar scale to fit it. */
export function addUsage(totals: PageTotals, usage: TraceUsage): void {
  const input = usage.input_tokens ?? 0;
  const read = usage.cache_read_input_tokens ?? 0;
  const write = usage.cache_creation_input_tokens ?? 0;
  const output = usage.output_tokens ?? 0;
  totals.inputTokens += input;
  totals.cacheRead += read;
  totals.cacheWrite += write;
  totals.outputTokens += output;
  totals.largestTokens = Math.max(totals.largestTokens, input + read + write, output);
}
