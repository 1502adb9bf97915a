// formatCount: thousands separators without Intl, rounding, and undefined passed through; countOf: plurals.
import { describe, expect, it } from "vitest";
import { countOf, formatCount } from "./format-count.ts";

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [160000, "160,000"],
    [1234567, "1,234,567"],
    [-45000, "-45,000"],
    [12.6, "13"],
  ])("formats %d as %s", (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });

  it("keeps undefined", () => {
    expect(formatCount(undefined)).toBeUndefined();
  });
});

describe("countOf", () => {
  it("says one thing in the singular and any other count in the plural", () => {
    expect(countOf(1, "line")).toBe("1 line");
    expect(countOf(0, "line")).toBe("0 lines");
    expect(countOf(1200, "line")).toBe("1,200 lines");
  });
});
