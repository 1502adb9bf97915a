// The lines a user sees for each retry and continuation.
import { describe, expect, it } from "vitest";
import { describeRetry, renderRecoveryEvents } from "./recovery-renderer.ts";

describe("the recovery renderer", () => {
  it("says what failed, which retry of how many, and how long the wait is", () => {
    expect(describeRetry({ attempt: 2, attempts: 6, delayMs: 4000, reason: "overloaded", status: 529 })).toBe(
      "overloaded, retry 2/6 in 4 s (Ctrl-C cancels)",
    );
    expect(
      describeRetry({ attempt: 1, attempts: 4, delayMs: 250, reason: "rate_limited", status: 429 }),
    ).toBe("rate limited, retry 1/4 in 0.3 s (Ctrl-C cancels)");
    expect(
      describeRetry({ attempt: 1, attempts: 4, delayMs: 1100, reason: "server_error", status: 503 }),
    ).toBe("server error 503, retry 1/4 in 1 s (Ctrl-C cancels)");
    expect(
      describeRetry({
        attempt: 4,
        attempts: 6,
        delayMs: 8000,
        reason: "overloaded",
        model: "claude-fallback",
      }),
    ).toBe("overloaded, retry 4/6 with claude-fallback in 8 s (Ctrl-C cancels)");
    expect(
      describeRetry({ attempt: 1, attempts: 6, delayMs: 1000, reason: "overloaded" }, { cancelHint: false }),
    ).toBe("overloaded, retry 1/6 in 1 s");
    expect(
      describeRetry({ attempt: 1, attempts: 1, delayMs: 0, reason: "prompt_too_long", status: 400 }),
    ).toBe("prompt too long: compacting the conversation, then retrying once");
  });

  it("renders its own events and continuations, and leaves the rest to others", () => {
    expect(
      renderRecoveryEvents({
        type: "model_retry",
        attempt: 1,
        attempts: 6,
        delayMs: 1000,
        reason: "overloaded",
      }),
    ).toEqual(["⟳ overloaded, retry 1/6 in 1 s (Ctrl-C cancels)"]);
    expect(renderRecoveryEvents({ type: "loop_continue", turn: 2, reason: "max_tokens" })).toEqual([
      "↻ reply cut off at the output token limit: asking the model to continue",
    ]);
    expect(
      renderRecoveryEvents({ type: "loop_continue", turn: 2, reason: "queued_messages" }),
    ).toBeUndefined();
    expect(renderRecoveryEvents({ type: "turn_start", turn: 1 })).toBeUndefined();
  });
});
