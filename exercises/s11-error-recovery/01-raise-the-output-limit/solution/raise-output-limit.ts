// SOLUTION (s11 01): recovery from max_tokens before any continuation — a reply cut off at the output limit
// is asked for again, once, with a higher limit; the cut-off reply never reaches the history.
import type { AgentHooks } from "@lcc/s02";

/** The output limit a cut-off request is sent again with (Claude Code escalates to a large cap too). */
export const ESCALATED_MAX_TOKENS = 8192;

/**
 * A wrapCallModel seam: when a reply stops with `max_tokens` and the request asked for less than
 * `ceiling`, the same request is sent once more with `max_tokens: ceiling` and that reply is returned
 * (cut off again or not: s11's continuation handles what is still cut off). Any other reply, and a request
 * already at the ceiling, pass unchanged.
 */
export function createOutputLimitEscalation(ceiling = ESCALATED_MAX_TOKENS): AgentHooks {
  return {
    wrapCallModel: (next) => async (request, options) => {
      const message = await next(request, options);
      if (message.stop_reason !== "max_tokens" || request.max_tokens >= ceiling) return message;
      return next({ ...request, max_tokens: ceiling }, options);
    },
  };
}
