// The retry policy as plain data: how many retries, how long to back off, how long a server may ask
// us to wait. Defaults, the LCC_MAX_RETRY_WAIT_SECONDS override, and the backoff formula (pure).
import type { RetryableKind } from "./classify-failure.ts";

export interface RetryPolicy {
  /** Retries after a transient failure (429, 5xx, connection, stream cut off). Default 4. */
  attempts: number;
  /** Retries after 529 overloaded, which comes in waves. Default 6. */
  overloadedAttempts: number;
  /** First backoff; each retry doubles it. Default 1 000 ms. */
  baseDelayMs: number;
  /** Longest backoff (before jitter is capped too). Default 30 000 ms. */
  maxDelayMs: number;
  /** Longest wait a retry-after may ask for; beyond it the call fails at once. Default 60 000 ms. */
  maxWaitMs: number;
  /** Jitter added on top of the backoff, as a fraction of it (0.25: up to +25 %). */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  attempts: 4,
  overloadedAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxWaitMs: 60_000,
  jitter: 0.25,
};

/**
 * The defaults, then from `env`: `LCC_MAX_RETRY_WAIT_SECONDS` (the cap on a server-requested wait) and
 * `LCC_MAX_RETRIES` (the retries of every kind, 0 = none), each a non-negative number (anything else is
 * ignored), then `overrides`.
 */
export function resolveRetryPolicy(
  env: NodeJS.ProcessEnv | undefined,
  overrides: Partial<RetryPolicy> = {},
): RetryPolicy {
  const seconds = Number(env?.LCC_MAX_RETRY_WAIT_SECONDS?.trim() || Number.NaN);
  const fromEnv = Number.isFinite(seconds) && seconds >= 0 ? { maxWaitMs: seconds * 1000 } : {};
  const retries = Number(env?.LCC_MAX_RETRIES?.trim() || Number.NaN);
  const retriesFromEnv =
    Number.isInteger(retries) && retries >= 0 ? { attempts: retries, overloadedAttempts: retries } : {};
  return { ...DEFAULT_RETRY_POLICY, ...fromEnv, ...retriesFromEnv, ...overrides };
}

/** How many retries `kind` gets under `policy`. */
export function retryLimit(policy: RetryPolicy, kind: RetryableKind): number {
  return kind === "overloaded" ? policy.overloadedAttempts : policy.attempts;
}

/**
 * The backoff before retry number `retry` (1-based): base · 2^(retry−1), capped at maxDelayMs, plus
 * jitter · that · random() (random in [0, 1)), the sum capped at maxDelayMs again. Pure.
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(Math.min(policy.maxDelayMs, exponential * (1 + policy.jitter * random)));
}
