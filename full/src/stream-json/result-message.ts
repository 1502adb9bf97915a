// The `result` message that ends each turn, as the Agent SDK types it (SDKResultSuccess / SDKResultError):
// lcc -p's result object reshaped, plus per-model totals (modelUsage) over the whole run.
import { randomUUID } from "node:crypto";
import type { HeadlessResult } from "../headless/headless.ts";
import { estimateCost, type UsageTracker } from "../session/cost.ts";
import type { ModelUsage } from "./protocol.ts";

/** The API's own stop reasons; lcc's other ends of a run (max_turns, aborted, error…) have none (null). */
const API_STOP_REASONS = new Set([
  "end_turn",
  "stop_sequence",
  "max_tokens",
  "refusal",
  "pause_turn",
  "tool_use",
  "model_context_window_exceeded",
]);

export interface RunTotals {
  /** Every request of this run, per model (cumulative across turns, as the SDK documents modelUsage). */
  usage: UsageTracker;
  contextWindow: number;
  maxOutputTokens: number;
  /** The demo model costs nothing. */
  free: boolean;
}

/**
 * The SDK's result for one turn. lcc's `error_interrupted` (an `interrupt` request, SIGTERM) is the SDK's
 * `error_during_execution`; error subtypes always carry `errors` (the SDK joins them into the message it
 * throws when lcc then exits non-zero). `total_cost_usd` is the run's running total, 0 when a price is unknown.
 */
export function buildResultMessage(result: HeadlessResult, totals: RunTotals) {
  const subtype = result.subtype === "error_interrupted" ? "error_during_execution" : result.subtype;
  return {
    type: "result",
    subtype,
    is_error: result.is_error,
    duration_ms: result.duration_ms,
    duration_api_ms: result.duration_api_ms,
    num_turns: result.num_turns,
    result: result.result,
    stop_reason: API_STOP_REASONS.has(result.stop_reason) ? result.stop_reason : null,
    session_id: result.session_id,
    total_cost_usd: totals.free ? 0 : (totals.usage.costUsd() ?? 0),
    usage: result.usage,
    modelUsage: buildModelUsage(totals),
    permission_denials: result.permission_denials,
    ...(subtype === "success" ? {} : { errors: result.errors ?? [subtype] }),
    uuid: randomUUID(),
  };
}

/** modelUsage: each model's tokens and estimated cost so far (cost 0 when its price is unknown or free). */
export function buildModelUsage(totals: RunTotals): Record<string, ModelUsage> {
  const byModel: Record<string, ModelUsage> = {};
  for (const [model, usage] of totals.usage.byModel())
    byModel[model] = {
      inputTokens: usage.input_tokens,
      outputTokens: usage.output_tokens,
      cacheReadInputTokens: usage.cache_read_input_tokens,
      cacheCreationInputTokens: usage.cache_creation_input_tokens,
      webSearchRequests: 0,
      costUSD: totals.free ? 0 : (estimateCost(model, usage) ?? 0),
      contextWindow: totals.contextWindow,
      maxOutputTokens: totals.maxOutputTokens,
    };
  return byModel;
}
