// s11 01: recovery from max_tokens before any continuation — a reply cut off at the output limit is asked
// for again, once, with a higher limit; the cut-off reply never reaches the history.
import type { AgentHooks } from "@lcc/s02";

/** The output limit a cut-off request is sent again with (Claude Code escalates to a large cap too). */
export const ESCALATED_MAX_TOKENS = 8192;

/**
 * A wrapCallModel seam: when a reply stops with `max_tokens` and the request asked for less than
 * `ceiling`, the same request is sent once more with `max_tokens: ceiling` and that reply is returned
 * (cut off again or not: s11's continuation handles what is still cut off). Any other reply, and a request
 * already at the ceiling, pass unchanged.
 */
export function createOutputLimitEscalation(_ceiling = ESCALATED_MAX_TOKENS): AgentHooks {
  return {
    // TODO: look at the reply's stop_reason and the request's max_tokens; call `next` again when it helps.
    wrapCallModel: (next) => async (request, options) => next(request, options),
  };
}
