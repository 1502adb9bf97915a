// max_tokens: the reply was cut off at the output limit, so the model is asked to go on, at most
// `limit` times per prompt. A cut-off tool_use is already answered (is_error, never run) by the loop.
import type { AgentHooks } from "@lcc/s02";

/** Continuations per prompt (user message) before the run ends with reason max_tokens. */
export const MAX_TOKENS_CONTINUATIONS = 3;

/** The instruction appended after the cut-off reply (and after any unfinished tool call's result). */
export const CONTINUE_INSTRUCTION =
  "Your previous reply was cut off at the output token limit. Continue exactly where it stopped, " +
  "without repeating what you already wrote. If a tool call was cut off, it was not run: make it again, " +
  "splitting a large input into several smaller calls.";

/**
 * An afterTurn seam: a round that stopped at max_tokens gets a `continue` (reason max_tokens) with
 * {@link CONTINUE_INSTRUCTION}, up to `limit` times per run of the loop; after that it leaves the
 * default, so the run ends with max_tokens and the session says so.
 */
export function createMaxTokensContinuation(limit = MAX_TOKENS_CONTINUATIONS): AgentHooks {
  let continued = 0;
  return {
    afterTurn(round, context) {
      if (context.turn === 1) continued = 0;
      if (round.stopReason !== "max_tokens" || continued >= limit) return undefined;
      continued += 1;
      return { kind: "continue", reason: "max_tokens", content: CONTINUE_INSTRUCTION };
    },
  };
}
