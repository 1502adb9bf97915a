// The theme styles Markdown, lists and the editor with colours on, and is the identity with NO_COLOR.
import { stripVTControlCharacters as strip } from "node:util";
import { Markdown } from "@mariozechner/pi-tui";
import { beforeAll, describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { loadHighlighter } from "./highlight.ts";
import { createTuiTheme } from "./theme.ts";

beforeAll(() => loadHighlighter());

const answer = "# Title\n\nSome *italic*, **bold**, ~~gone~~ and `code`.\n\n```ts\nconst x = 1;\n```\n";
const render = (enabled: boolean) =>
  new Markdown(answer, 0, 0, createTuiTheme(createColors(enabled)).markdown).render(40);

/** Every style function of the theme, by name. */
function styles(enabled: boolean): [string, (text: string) => string][] {
  const { markdown, selectList, editor } = createTuiTheme(createColors(enabled));
  const { highlightCode: _highlight, codeBlockIndent: _indent, ...markdownStyles } = markdown;
  return [...Object.entries(markdownStyles), ...Object.entries(selectList), ["border", editor.borderColor]];
}

describe("createTuiTheme", () => {
  it("returns every input unchanged when colours are off", () => {
    for (const [name, style] of styles(false)) expect([name, style("x")]).toEqual([name, "x"]);
    expect(render(false).join("\n")).not.toContain("\u001b");
  });

  it("styles Markdown with colours on: italic, strikethrough, inline code and a highlighted block", () => {
    const lines = render(true);
    expect(lines.join("\n")).toContain("\u001b[3mitalic\u001b[23m");
    expect(lines.join("\n")).toContain("\u001b[9mgone\u001b[29m");
    expect(lines.join("\n")).toContain("\u001b[33mcode\u001b[39m");
    expect(lines.find((line) => strip(line).includes("const x"))).toContain("\u001b[35mconst\u001b[39m");
    expect(lines.map((line) => strip(line).trimEnd())).toEqual(render(false).map((line) => line.trimEnd()));
  });

  it("gives every style a colour when colours are on, so nothing is left unthemed by accident", () => {
    const unstyled = styles(true).filter(([name, style]) => name !== "codeBlock" && style("x") === "x");
    expect(unstyled.map(([name]) => name)).toEqual([]);
  });
});
