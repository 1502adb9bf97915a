// Long output shows its first lines and what was hidden; short output shows whole.
import { describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { foldOutput, formatSize } from "./fold-output.ts";

const off = createColors(false);
const numbered = (count: number) =>
  Array.from({ length: count }, (_, index) => `line ${index + 1}`).join("\n");

describe("foldOutput", () => {
  it("shows the first lines and counts the hidden ones with their size", () => {
    expect(foldOutput(numbered(40), { maxLines: 3, colors: off })).toEqual([
      "line 1",
      "line 2",
      "line 3",
      `… +37 lines (${formatSize(Buffer.byteLength(numbered(40).split("\n").slice(3).join("\n")))})`,
    ]);
  });

  it("shows every line when folding would hide only one", () => {
    expect(foldOutput(numbered(4), { maxLines: 3, colors: off })).toEqual(numbered(4).split("\n"));
    expect(foldOutput(numbered(5), { maxLines: 3, colors: off })).toHaveLength(4);
  });

  it("drops trailing blank lines and escape codes, and gives nothing for empty output", () => {
    expect(foldOutput("\u001b[32mok\u001b[0m\n\n  \n", { maxLines: 3, colors: off })).toEqual(["ok"]);
    expect(foldOutput("", { maxLines: 3, colors: off })).toEqual([]);
    expect(foldOutput(" \n", { maxLines: 3, colors: off })).toEqual([]);
  });

  it("greys the fold line only when colours are on", () => {
    const colored = foldOutput(numbered(10), { maxLines: 1, colors: createColors(true) });
    expect(colored.at(-1)).toMatch(/^\u001b\[90m… \+9 lines \(\d+ B\)\u001b\[39m$/);
    expect(foldOutput(numbered(10), { maxLines: 1, colors: off }).at(-1)).toMatch(/^… \+9 lines \(\d+ B\)$/);
  });
});

describe("formatSize", () => {
  it("uses bytes, then KB and MB with one decimal", () => {
    expect([formatSize(512), formatSize(4198), formatSize(2 * 1024 * 1024)]).toEqual([
      "512 B",
      "4.1 KB",
      "2.0 MB",
    ]);
  });
});
