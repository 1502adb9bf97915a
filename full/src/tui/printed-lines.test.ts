// Printed lines wrap under their prefix, never exceed the width, and program output is cleaned before it
// reaches the screen.
import { visibleWidth } from "@mariozechner/pi-tui";
import { describe, expect, it } from "vitest";
import { createPrintedLines, layoutLine, sanitizeTerminalText } from "./printed-lines.ts";

const summary = { prefix: "  ⎿ ", body: "the first line of a result that is long" };

describe("layoutLine", () => {
  it("wraps the body under its prefix", () => {
    expect(layoutLine(summary, 24)).toEqual(["  ⎿ the first line of a", "    result that is long"]);
  });

  it("hangs a plain line under its leading spaces", () => {
    expect(layoutLine("  │ ⏺ read_file(src/index.ts)", 20)).toEqual([
      "  │ ⏺",
      "  read_file(src/inde",
      "  x.ts)",
    ]);
  });

  it("cuts a truncating line with an ellipsis instead of wrapping it", () => {
    expect(layoutLine({ ...summary, truncate: true }, 16)).toEqual(["  ⎿ the first l…"]);
  });

  it("drops the hanging indent when too few columns would be left for the text", () => {
    expect(layoutLine({ prefix: "          ", body: "abc def" }, 14)).toEqual(["          abc", "def"]);
  });

  it("never returns a row wider than the width, wide characters included", () => {
    const lines = [
      summary,
      "    漢字と😀が混ざった長い行です、折り返されます",
      { ...summary, truncate: true },
    ];
    for (const width of [6, 13, 21, 40])
      for (const line of lines)
        for (const row of layoutLine(line, width)) expect(visibleWidth(row)).toBeLessThanOrEqual(width);
  });
});

describe("createPrintedLines", () => {
  it("lays its lines out once per width", () => {
    const block = createPrintedLines(["one", summary]);
    const first = block.render(30);
    expect(block.render(30)).toBe(first);
    expect(block.render(20)).toEqual(["one", "  ⎿ the first line", "    of a result that", "    is long"]);
  });
});

describe("sanitizeTerminalText", () => {
  it("removes colour codes, or keeps them when asked", () => {
    const text = "\u001b[31mred\u001b[0m plain";
    expect(sanitizeTerminalText(text)).toBe("red plain");
    expect(sanitizeTerminalText(text, { keepStyles: true })).toBe(text);
  });

  it("removes cursor moves, screen clears, titles and links, keeping their visible text", () => {
    const text =
      "\u001b[2J\u001b[1;1Hhome\u001b]0;title\u0007 \u001b]8;;https://x.dev\u001b\\link\u001b]8;;\u001b\\";
    expect(sanitizeTerminalText(text, { keepStyles: true })).toBe("home link");
  });

  it("keeps a progress bar's last state, expands tabs and drops other control characters", () => {
    expect(sanitizeTerminalText("10%\r50%\r100%\r\ndone\ta\u0007b\bc\u001bd")).toBe("100%\ndone    abcd");
  });
});
