// The hub's clocks: restart backoff doubling to its cap, and timeouts read from the environment.
import { describe, expect, it } from "vitest";
import { restartDelayMs, timeoutFromEnvironment } from "./hub-timing.ts";

describe("the hub's timing", () => {
  it("waits 1 s after a first failure and doubles per failure in a row, up to 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 100].map(restartDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("reads a timeout as positive whole milliseconds and falls back otherwise", () => {
    expect(timeoutFromEnvironment("1500", 30_000)).toBe(1_500);
    expect(timeoutFromEnvironment(" 200 ", 30_000)).toBe(200);
    for (const value of [undefined, "", "0", "-5", "1.5", "soon"])
      expect(timeoutFromEnvironment(value, 30_000)).toBe(30_000);
  });
});
