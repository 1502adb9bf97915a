// Cost: prices by model prefix, "unknown" for unknown models, cache hit rate from reported usage.
import { describe, expect, it } from "vitest";
import { cacheHitRate, createUsageTracker, estimateCost, formatTokens, formatUsd, priceOf } from "./cost.ts";

const usage = {
  input_tokens: 1_000_000,
  output_tokens: 1_000_000,
  cache_read_input_tokens: 0,
  cache_creation_input_tokens: 0,
};

describe("cost", () => {
  it("prices a model by its longest matching prefix, cache writes at 1.25x and reads at 0.1x input", () => {
    expect(priceOf("claude-opus-4-5-20251101")).toMatchObject({ input: 5, output: 25 });
    expect(priceOf("claude-opus-4-1-20250805")).toMatchObject({ input: 15, output: 75 });
    expect(estimateCost("claude-sonnet-4-5", usage)).toBe(18);
    const cached = {
      input_tokens: 0,
      output_tokens: 0,
      cache_read_input_tokens: 1_000_000,
      cache_creation_input_tokens: 1_000_000,
    };
    expect(estimateCost("claude-haiku-4-5", cached)).toBeCloseTo(1.25 + 0.1);
  });

  it("says unknown for a model it has no price for, for that model and the session total", () => {
    expect(estimateCost("my-local-model", usage)).toBeUndefined();
    const tracker = createUsageTracker();
    tracker.record("claude-sonnet-4-5", usage);
    expect(tracker.costUsd()).toBe(18);
    tracker.record("my-local-model", usage);
    expect(tracker.costUsd()).toBeUndefined();
    expect(formatUsd(tracker.costUsd())).toBe("unknown");
  });

  it("reports costs without float noise", () => {
    const usage = {
      input_tokens: 1,
      cache_creation_input_tokens: 3,
      cache_read_input_tokens: 11,
      output_tokens: 2,
    };
    expect(estimateCost("claude-sonnet-4-5", usage)).toBe(0.00004755);
  });

  it("computes the hit rate over all input tokens and tracks usage since a mark", () => {
    const tracker = createUsageTracker();
    tracker.record("m", {
      input_tokens: 10,
      output_tokens: 5,
      cache_read_input_tokens: 80,
      cache_creation_input_tokens: 10,
    });
    expect(cacheHitRate(tracker.total())).toBe(0.8);
    tracker.mark();
    tracker.record("m", { input_tokens: 1, output_tokens: 2, cache_read_input_tokens: null });
    expect(tracker.sinceMark()).toEqual({
      input_tokens: 1,
      output_tokens: 2,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
    expect(tracker.requests()).toBe(2);
    expect(
      cacheHitRate({
        input_tokens: 0,
        output_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
      }),
    ).toBe(0);
  });

  it("formats token counts compactly", () => {
    expect([formatTokens(950), formatTokens(1234), formatTokens(45_600), formatTokens(1_200_000)]).toEqual([
      "950",
      "1.2k",
      "46k",
      "1.20M",
    ]);
  });
});
