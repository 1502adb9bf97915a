// The error a model call ends with when recovery gives up: the failure's kind and why recovery stopped
// (lcc maps them to an exit reason), and a message that says what happened and what to do.
import type { FailureKind } from "./classify-failure.ts";

/**
 * Why recovery stopped: `not_retryable` (401/403 and the like, at once), `retries_exhausted`,
 * `wait_too_long` (retry-after beyond the cap), `compaction_failed` (prompt too long, compaction
 * impossible or not enough).
 */
export type GiveUpReason = "not_retryable" | "retries_exhausted" | "wait_too_long" | "compaction_failed";

export interface ModelCallErrorDetails {
  kind: FailureKind;
  reason: GiveUpReason;
  status?: number;
  /** Retries made before giving up. */
  retries: number;
  /** The last error the SDK threw. */
  cause?: unknown;
}

/** Thrown by the retrying model call when it stops trying. */
export class ModelCallError extends Error {
  override name = "ModelCallError";
  readonly kind: FailureKind;
  readonly reason: GiveUpReason;
  readonly status: number | undefined;
  readonly retries: number;
  constructor(message: string, details: ModelCallErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.reason = details.reason;
    this.status = details.status;
    this.retries = details.retries;
  }
}
