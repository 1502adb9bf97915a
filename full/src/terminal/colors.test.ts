// Colours follow NO_COLOR, FORCE_COLOR, TERM=dumb and whether the output is a terminal.
import { describe, expect, it } from "vitest";
import { createColors, shouldUseColor } from "./colors.ts";

describe("colors", () => {
  it("are on for a TTY and off when NO_COLOR is set to anything non-empty, even with FORCE_COLOR", () => {
    expect(shouldUseColor({}, true)).toBe(true);
    expect(shouldUseColor({ NO_COLOR: "1" }, true)).toBe(false);
    expect(shouldUseColor({ NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
    expect(shouldUseColor({ NO_COLOR: "" }, true)).toBe(true);
  });

  it("are off for pipes and dumb terminals unless FORCE_COLOR asks for them", () => {
    expect(shouldUseColor({}, false)).toBe(false);
    expect(shouldUseColor({ TERM: "dumb" }, true)).toBe(false);
    expect(shouldUseColor({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(shouldUseColor({ FORCE_COLOR: "0" }, false)).toBe(false);
  });

  it("wrap text in SGR codes only when enabled", () => {
    expect(createColors(true).red("x")).toBe("\u001b[31mx\u001b[39m");
    expect(createColors(false).red("x")).toBe("x");
  });
});
