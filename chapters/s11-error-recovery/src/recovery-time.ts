// The clock the retry policy runs on: sleep, random, now. Real by default; tests pass their own so the
// suite waits no real backoff.
import { setTimeout as delay } from "node:timers/promises";

export interface RecoveryTime {
  /** Waits `ms`; rejects (any error) when `signal` aborts first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** A number in [0, 1) (jitter). */
  random(): number;
  /** Milliseconds since the epoch (dates in retry-after). */
  now(): number;
}

/** The real clock. */
export const realTime: RecoveryTime = {
  sleep: async (ms, signal) => {
    await delay(ms, undefined, { signal });
  },
  random: Math.random,
  now: Date.now,
};
