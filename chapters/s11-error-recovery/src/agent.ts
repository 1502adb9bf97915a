// The s11 chapter (error recovery) on s10's setup: one retry policy as the outermost model wrapper,
// compaction on prompt-too-long, max_tokens continuation and the doom-loop guard after each round.
import type { SetupContext } from "@lcc/s02";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createPromptSetup, type PromptSetup, type PromptSetupOptions } from "@lcc/s10";
import { createDoomLoopGuard } from "./doom-loop.ts";
import { createMaxTokensContinuation } from "./max-tokens-continuation.ts";
import { authHint, createRecoveryHooks } from "./recovery-hooks.ts";
import { renderRecoveryEvents } from "./recovery-renderer.ts";
import { type RecoveryTime, realTime } from "./recovery-time.ts";
import { type RetryPolicy, resolveRetryPolicy } from "./retry-policy.ts";

export interface RecoverySetupOptions extends PromptSetupOptions {
  /** Overrides of the retry policy (after the defaults and LCC_MAX_RETRY_WAIT_SECONDS). */
  retryPolicy?: Partial<RetryPolicy>;
  /** The clock retries wait on (tests pass one that does not wait). Default: the real one. */
  recoveryTime?: Partial<RecoveryTime>;
  /** After 3 overloads in a row, retries go to this model until the prompt is done (lcc `--fallback-model`). */
  fallbackModel?: string;
}

export interface RecoverySetup extends PromptSetup {
  /** The policy in force (lcc shows it; the cap replaces chapter-kit's retry-wait-fetch). */
  retryPolicy: RetryPolicy;
}

/**
 * s10's setup plus: the retry policy as the FIRST hook (its wrapCallModel is the outermost, so every
 * retry passes through prompt caching and the rest again), the same policy for subagents, the
 * max_tokens continuation and the doom-loop guard (first among the afterTurn seams, so their decision
 * wins), and the renderer for model_retry and the two continuations.
 */
export async function createRecoverySetup(
  context: SetupContext,
  options: RecoverySetupOptions = {},
): Promise<RecoverySetup> {
  const setup = await createPromptSetup(context, options);
  const retryPolicy = resolveRetryPolicy(context.env, options.retryPolicy);
  const recovery = createRecoveryHooks({
    policy: retryPolicy,
    time: { ...realTime, ...options.recoveryTime },
    emit: context.emit,
    compaction: setup.compaction,
    authHint: authHint(context.client, context.env),
    ...(options.fallbackModel ? { fallbackModel: options.fallbackModel } : {}),
  });
  const afterRound = [createDoomLoopGuard(), createMaxTokensContinuation()];
  return {
    ...setup,
    hooks: [recovery.hooks, ...afterRound, ...setup.hooks],
    childHooks: [recovery.childHooks, ...setup.childHooks],
    renderers: [renderRecoveryEvents, ...setup.renderers],
    retryPolicy,
  };
}

export function createS11Chapter(options: RecoverySetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s11", title: "error recovery" }, (context) =>
    createRecoverySetup(context, options),
  );
}
