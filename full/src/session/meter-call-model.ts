// Metering model calls: every completed response reports its usage (as the API counted it) and timing.
import type Anthropic from "@anthropic-ai/sdk";
import type { CallModel } from "@lcc/s02";
import type { TokenUsage } from "./cost.ts";

/** Wraps a CallModel so every completed response reports its usage and how long it took. */
export function meterCallModel(
  next: CallModel,
  onResponse: (request: Parameters<CallModel>[0], message: Anthropic.Message, durationMs: number) => void,
): CallModel {
  return async (request, options) => {
    const started = Date.now();
    const message = await next(request, options);
    onResponse(request, message, Date.now() - started);
    return message;
  };
}

/** The API's usage with every count present (absent or null counts become 0). */
export function toTokenUsage(usage: Anthropic.Usage): TokenUsage {
  return {
    input_tokens: usage.input_tokens ?? 0,
    output_tokens: usage.output_tokens ?? 0,
    cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
    cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0,
  };
}
