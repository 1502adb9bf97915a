// The events and continuation reasons s11 adds to the shared union: one model_retry per wait before a
// retry, and the two reasons the loop goes on after the model stopped (max_tokens, doom_loop).
import "@lcc/s02";
import type { RetryableKind } from "./classify-failure.ts";

/** Why a model call is tried again: a transient failure, or a prompt too long (compacted, then once). */
export type RetryReason = RetryableKind | "prompt_too_long";

/** What a model_retry event carries. */
export interface RetryEvent {
  /** 1-based retry number within this model call. */
  attempt: number;
  /** The most retries this kind of failure gets (6 for overloaded, 4 otherwise; 1 for prompt_too_long). */
  attempts: number;
  /** The wait before the retry (0 for prompt_too_long: the compaction is the wait). */
  delayMs: number;
  reason: RetryReason;
  /** The HTTP status, when the API answered with one. */
  status?: number;
  /** Set when the retry goes to the fallback model instead of the session's model. */
  model?: string;
}

declare module "@lcc/s02" {
  interface AgentEventMap {
    /** A model call failed in a way a retry can cure; the retry follows after `delayMs`. */
    model_retry: RetryEvent;
  }
  interface ContinueReasons {
    /** The reply stopped at the output token limit; the model is asked to go on (s11, ≤ 3 per prompt). */
    max_tokens: true;
    /** The same tool call 3 rounds in a row; a corrective reminder follows the results (s11). */
    doom_loop: true;
  }
}
