// compareText: case-insensitive order with a fixed tie-break, no Intl.
import { describe, expect, it } from "vitest";
import { compareText } from "./compare-text.ts";

describe("compareText", () => {
  it("orders names case-insensitively", () => {
    expect(["banana", "Cherry", "apple", "Banana2"].sort(compareText)).toEqual([
      "apple",
      "banana",
      "Banana2",
      "Cherry",
    ]);
  });

  it("breaks a case-only tie by code point and says equal only for equal text", () => {
    expect(compareText("Notes", "notes")).toBeLessThan(0);
    expect(compareText("notes", "Notes")).toBeGreaterThan(0);
    expect(compareText("same", "same")).toBe(0);
  });
});
