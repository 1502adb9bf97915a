// The one retry policy, as a CallModel wrapper: classify each failure, back off with jitter (or wait
// what the server asked, up to a cap), say each wait, honour Ctrl-C, compact once on prompt-too-long,
// switch to a fallback model after repeated overloads. A failed attempt's partial reply is discarded.
import { type CallModel, ModelAbortError, type ModelRequest } from "@lcc/s02";
import { classifyFailure, type Failure, isRetryable } from "./classify-failure.ts";
import { failureLabel, formatWait } from "./describe-failure.ts";
import { ModelCallError } from "./model-call-error.ts";
import type { RetryEvent } from "./recovery-events.ts";
import type { RecoveryTime } from "./recovery-time.ts";
import { backoffDelayMs, type RetryPolicy, retryLimit } from "./retry-policy.ts";

/** What a prompt-too-long handler returns: the request to retry once, or why it cannot. */
export type CompactedRequest = { ok: true; request: ModelRequest } | { ok: false; reason: string };

/** Where a fallback model is used: shared by the parent's and the subagents' wrappers. */
export interface FallbackSwitch {
  model: string;
  /** Overloads in a row (within one call) that switch to the fallback. */
  afterOverloads: number;
  /** True once switched (until whoever owns the switch resets it). */
  active(): boolean;
  activate(): void;
}

export interface RetryingCallModelOptions {
  policy: RetryPolicy;
  time: RecoveryTime;
  /** Told before each wait (the model_retry event). Must not throw. */
  onRetry(event: RetryEvent): void;
  /** Told once when retries switch to the fallback model. Must not throw. */
  onNotice?(text: string): void;
  /** Prompt too long: compacts and returns the request to retry once. Absent: the call fails. */
  compact?(request: ModelRequest, signal: AbortSignal): Promise<CompactedRequest>;
  fallback?: FallbackSwitch;
  /** What to fix after a 401/403, e.g. "Check ANTHROPIC_API_KEY." */
  authHint: string;
}

/**
 * Wraps `next` with the policy. Resolves with the first complete message; rejects with
 * ModelAbortError when the signal aborts (also during a wait), with ModelCallError when it gives up
 * (401/403 at once, retries exhausted, retry-after beyond `policy.maxWaitMs`, prompt still too long),
 * and with the original error for anything no retry can cure (a 400, a bug).
 */
export function withRetries(next: CallModel, options: RetryingCallModelOptions): CallModel {
  const { policy, time, fallback } = options;
  return async (request, callOptions) => {
    const { signal } = callOptions;
    let current = request;
    let retries = 0;
    let overloadsInRow = 0;
    let compacted = false;
    while (true) {
      const attempt = fallback?.active() ? { ...current, model: fallback.model } : current;
      let failure: Failure;
      try {
        return await next(attempt, callOptions);
      } catch (error) {
        if (signal.aborted) throw error instanceof ModelAbortError ? error : new ModelAbortError(undefined);
        failure = classifyFailure(error, time.now());
        const status = failure.status === undefined ? {} : { status: failure.status };
        const details = { kind: failure.kind, retries, ...status, cause: error };
        if (failure.kind === "prompt_too_long") {
          if (compacted || !options.compact)
            throw new ModelCallError(promptTooLongText(failure, compacted), {
              ...details,
              reason: "compaction_failed",
            });
          compacted = true;
          options.onRetry({ attempt: 1, attempts: 1, delayMs: 0, reason: "prompt_too_long", ...status });
          const outcome = await options.compact(current, signal);
          if (signal.aborted) throw new ModelAbortError(undefined);
          if (!outcome.ok)
            throw new ModelCallError(`The prompt is too long and compacting failed: ${outcome.reason}`, {
              ...details,
              reason: "compaction_failed",
            });
          current = outcome.request;
          continue;
        }
        if (failure.kind === "auth")
          throw new ModelCallError(`${failure.message} — ${options.authHint} Not retried.`, {
            ...details,
            reason: "not_retryable",
          });
        if (!isRetryable(failure.kind)) throw error;
        const limit = retryLimit(policy, failure.kind);
        const label = failureLabel(failure.kind, failure.status);
        if (retries >= limit)
          throw new ModelCallError(`${label}: gave up after ${retries} retries (${failure.message})`, {
            ...details,
            reason: "retries_exhausted",
          });
        retries += 1;
        overloadsInRow = failure.kind === "overloaded" ? overloadsInRow + 1 : 0;
        let delayMs = backoffDelayMs(policy, retries, time.random());
        if (failure.requestedWaitMs !== undefined) {
          if (failure.requestedWaitMs > policy.maxWaitMs)
            throw new ModelCallError(waitTooLongText(label, failure.requestedWaitMs, policy.maxWaitMs), {
              ...details,
              reason: "wait_too_long",
            });
          delayMs = Math.round(failure.requestedWaitMs);
        }
        if (fallback && !fallback.active() && overloadsInRow >= fallback.afterOverloads) {
          fallback.activate();
          options.onNotice?.(
            `${request.model} is overloaded (${overloadsInRow} times in a row): retrying with the fallback model ` +
              `${fallback.model} until this prompt is done.`,
          );
        }
        const model = fallback?.active() ? { model: fallback.model } : {};
        options.onRetry({
          attempt: retries,
          attempts: limit,
          delayMs,
          reason: failure.kind,
          ...status,
          ...model,
        });
        try {
          await time.sleep(delayMs, signal);
        } catch {
          // The only way a wait ends early is the user's Ctrl-C.
        }
        if (signal.aborted) throw new ModelAbortError(undefined);
      }
    }
  };
}

function promptTooLongText(failure: Failure, compacted: boolean): string {
  return compacted
    ? `The prompt is still too long after compacting the conversation (${failure.message}).`
    : `The prompt is too long and this agent cannot compact its history (${failure.message}).`;
}

function waitTooLongText(label: string, requestedMs: number, maxMs: number): string {
  return (
    `${label}: the API asks to wait ${formatWait(requestedMs)}, more than the ${formatWait(maxMs)} ` +
    "waited on its own (LCC_MAX_RETRY_WAIT_SECONDS). Not retried; try again later."
  );
}
