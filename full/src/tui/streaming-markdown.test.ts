// A streamed answer: finished blocks render as Markdown while text still arrives, the unfinished rest shows
// as it was typed, an open code block shows as code, and what is on screen does not change once rendered.
import { stripVTControlCharacters as strip } from "node:util";
import { Markdown } from "@mariozechner/pi-tui";
import { describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { createStreamingMarkdown, scanBlocks } from "./streaming-markdown.ts";
import { createTuiTheme } from "./theme.ts";

const theme = createTuiTheme(createColors(false)).markdown;
const WIDTH = 50;
const screen = (rows: readonly string[]) => rows.map((row) => strip(row).trimEnd());

const answer = [
  "## Plan",
  "The test fails because **parse** drops the last line.",
  "",
  "```ts",
  'const lines = text.split("\\n");',
  "",
  "return lines.slice(0, -1);",
  "```",
  "Then the table:",
  "",
  "| file | status |",
  "| --- | --- |",
  "| a.ts | fixed |",
  "",
  "- one",
  "- two",
].join("\n");

/** Streams `text` in chunks of `size`, rendering after each; returns the view and every render. */
function stream(text: string, size: number) {
  const view = createStreamingMarkdown(theme);
  const renders: string[][] = [];
  for (let index = 0; index < text.length; index += size) {
    view.append(text.slice(index, index + size));
    renders.push(screen(view.render(WIDTH)));
  }
  return { view, renders };
}

describe("scanBlocks", () => {
  it("ends blocks at blank lines, closing fences and headings, and before fences and headings", () => {
    const text = "para\n\n# Head\nmore\n```js\na\n\nb\n```\nafter\n";
    const offsets = scanBlocks(text).boundaries.map((offset) => text.slice(0, offset).split("\n").length - 1);
    expect(offsets).toEqual([2, 3, 4, 9]);
    expect(scanBlocks(text).openFence).toBeUndefined();
  });

  it("keeps a fence open until a closing marker of the same kind and at least its length", () => {
    expect(scanBlocks("````md\n```\n~~~~\n").openFence).toEqual({ start: 0, marker: "````" });
    expect(scanBlocks("~~~\ncode\n~~~~\n")).toEqual({ boundaries: [14] });
    expect(scanBlocks("``` not `a fence`\n\n").boundaries).toEqual([19]);
    expect(scanBlocks("```\n```js\n").openFence).toEqual({ start: 0, marker: "```" });
  });

  it("counts only whole lines", () => {
    expect(scanBlocks("para\n")).toEqual({ boundaries: [] });
    expect(scanBlocks("para\n\n")).toEqual({ boundaries: [6] });
  });
});

describe("createStreamingMarkdown", () => {
  it("ends, whatever the chunk size, exactly as the whole answer rendered as Markdown", () => {
    const whole = screen(new Markdown(answer, 0, 0, theme).render(WIDTH));
    for (const size of [1, 3, 7, 50]) {
      const { view } = stream(answer, size);
      view.finish();
      expect(screen(view.render(WIDTH))).toEqual(whole);
    }
    expect(whole).toContain("Plan");
    expect(whole).toContain('  const lines = text.split("\\n");');
  });

  it("renders a finished paragraph as Markdown while the unfinished one shows as typed", () => {
    const view = createStreamingMarkdown(theme);
    view.append("Done: **all** green.\n\nNext **half");
    expect(screen(view.render(WIDTH))).toEqual(["Done: all green.", "", "Next **half"]);
  });

  it("shows an open code block as code, and nothing already shown changes when it closes", () => {
    const { renders } = stream(answer.slice(0, answer.indexOf("```\nThen")), 4);
    const open = renders.at(-1) ?? [];
    expect(open.slice(-5)).toEqual([
      "```ts",
      '  const lines = text.split("\\n");',
      "",
      "  return lines.slice(0, -1);",
      "```",
    ]);
    const view = createStreamingMarkdown(theme);
    view.append(answer);
    const closed = screen(view.render(WIDTH));
    expect(closed.slice(0, open.length)).toEqual(open);
  });

  it("shows a table as typed until it is finished, then as a table", () => {
    const upToTable = answer.slice(0, answer.indexOf("| a.ts | fixed |\n") + "| a.ts | fixed |\n".length);
    const view = createStreamingMarkdown(theme);
    view.append(upToTable);
    expect(screen(view.render(WIDTH)).slice(-3)).toEqual([
      "| file | status |",
      "| --- | --- |",
      "| a.ts | fixed |",
    ]);
    view.append("\n");
    const table = screen(view.render(WIDTH));
    expect(table.some((row) => /^[┌├└│]/.test(row) && row.includes("a.ts"))).toBe(true);
    expect(table).not.toContain("| --- | --- |");
  });

  it("never changes a row once a later block has started below it", () => {
    const { renders } = stream(answer, 2);
    const view = createStreamingMarkdown(theme);
    view.append(answer);
    view.finish();
    const final = screen(view.render(WIDTH));
    // What lies above the last blank row is finished: only the tail below it may still change.
    for (const rows of renders) {
      const finished = rows.slice(0, rows.lastIndexOf(""));
      expect(final.slice(0, finished.length)).toEqual(finished);
    }
  });

  it("lays finished text out once per width, and drops control characters from the stream", () => {
    const view = createStreamingMarkdown(theme);
    view.append("a\u0007b\u001b[2Jc\r\n");
    view.finish();
    expect(view.render(20)).toBe(view.render(20));
    expect(screen(view.render(20))).toEqual(["abc"]);
    expect(view.text()).toBe("abc\n");
  });

  it("styles finished blocks only when colours are on", () => {
    const styled = createStreamingMarkdown(createTuiTheme(createColors(true)).markdown);
    styled.append("**bold**\n\n");
    expect(styled.render(WIDTH)[0]).toContain("\u001b[1mbold\u001b[22m");
    const plain = createStreamingMarkdown(theme);
    plain.append("**bold**\n\n");
    expect(plain.render(WIDTH).join("")).not.toContain("\u001b");
  });
});
