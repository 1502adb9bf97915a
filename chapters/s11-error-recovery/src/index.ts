// Public surface of s11: the retry policy in pieces (classification, backoff, the wrapper, the
// continuations, the renderer) so lcc reuses each, and the chapter.
import "./recovery-events.ts";

export {
  createRecoverySetup,
  createS11Chapter,
  type RecoverySetup,
  type RecoverySetupOptions,
} from "./agent.ts";
export {
  classifyFailure,
  type Failure,
  type FailureKind,
  isRetryable,
  type RetryableKind,
} from "./classify-failure.ts";
export { failureLabel, formatWait } from "./describe-failure.ts";
export {
  createDoomLoopGuard,
  DOOM_LOOP_REPEATS,
  doomLoopReminder,
  roundKey,
} from "./doom-loop.ts";
export {
  CONTINUE_INSTRUCTION,
  createMaxTokensContinuation,
  MAX_TOKENS_CONTINUATIONS,
} from "./max-tokens-continuation.ts";
export { type GiveUpReason, ModelCallError, type ModelCallErrorDetails } from "./model-call-error.ts";
export type { RetryEvent, RetryReason } from "./recovery-events.ts";
export {
  authHint,
  createRecoveryHooks,
  FALLBACK_AFTER_OVERLOADS,
  type RecoveryHooks,
  type RecoveryHooksOptions,
} from "./recovery-hooks.ts";
export { describeContinuation, describeRetry, renderRecoveryEvents } from "./recovery-renderer.ts";
export { type RecoveryTime, realTime } from "./recovery-time.ts";
export {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  resolveRetryPolicy,
  retryLimit,
} from "./retry-policy.ts";
export {
  type CompactedRequest,
  type FallbackSwitch,
  type RetryingCallModelOptions,
  withRetries,
} from "./retrying-call-model.ts";
