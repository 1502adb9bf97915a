// The backoff formula and where the policy's numbers come from.
import { describe, expect, it } from "vitest";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, resolveRetryPolicy, retryLimit } from "./retry-policy.ts";

describe("backoffDelayMs", () => {
  it("doubles from 1 s and stops at 30 s", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelayMs(DEFAULT_RETRY_POLICY, retry, 0));

    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it("adds up to 25 % jitter, never past the cap", () => {
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 1, 0.5)).toBe(1125);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 3, 0.999)).toBeLessThanOrEqual(5000);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 5, 0.999)).toBe(19996);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 6, 0.999)).toBe(30000);
  });
});

describe("resolveRetryPolicy", () => {
  it("defaults to 4 retries, 6 for overloads, a 60 s cap on requested waits", () => {
    const policy = resolveRetryPolicy({});

    expect(policy).toEqual(DEFAULT_RETRY_POLICY);
    expect(retryLimit(policy, "overloaded")).toBe(6);
    expect(retryLimit(policy, "rate_limited")).toBe(4);
    expect(policy.maxWaitMs).toBe(60_000);
  });

  it("takes the cap from LCC_MAX_RETRY_WAIT_SECONDS and ignores nonsense there", () => {
    expect(resolveRetryPolicy({ LCC_MAX_RETRY_WAIT_SECONDS: "300" }).maxWaitMs).toBe(300_000);
    expect(resolveRetryPolicy({ LCC_MAX_RETRY_WAIT_SECONDS: "0" }).maxWaitMs).toBe(0);
    expect(resolveRetryPolicy({ LCC_MAX_RETRY_WAIT_SECONDS: "soon" }).maxWaitMs).toBe(60_000);
    expect(resolveRetryPolicy({ LCC_MAX_RETRY_WAIT_SECONDS: "-5" }).maxWaitMs).toBe(60_000);
    expect(resolveRetryPolicy({ LCC_MAX_RETRY_WAIT_SECONDS: "" }).maxWaitMs).toBe(60_000);
  });

  it("takes the retries of every kind from LCC_MAX_RETRIES (0: none) and ignores nonsense there", () => {
    expect(resolveRetryPolicy({ LCC_MAX_RETRIES: "2" })).toMatchObject({
      attempts: 2,
      overloadedAttempts: 2,
    });
    expect(resolveRetryPolicy({ LCC_MAX_RETRIES: "0" })).toMatchObject({
      attempts: 0,
      overloadedAttempts: 0,
    });
    expect(resolveRetryPolicy({ LCC_MAX_RETRIES: "1.5" })).toMatchObject({
      attempts: 4,
      overloadedAttempts: 6,
    });
    expect(resolveRetryPolicy({ LCC_MAX_RETRIES: "-1" })).toMatchObject({ attempts: 4 });
  });

  it("lets options override both", () => {
    const policy = resolveRetryPolicy(
      { LCC_MAX_RETRY_WAIT_SECONDS: "300" },
      { attempts: 2, maxWaitMs: 5000 },
    );

    expect(policy).toMatchObject({ attempts: 2, maxWaitMs: 5000, overloadedAttempts: 6 });
  });
});
