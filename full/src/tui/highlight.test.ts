// Code blocks keep their exact text and gain colours by language; without colours nothing changes.
import { stripVTControlCharacters as strip } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { decodeEntities, highlightCode, htmlToAnsiLines, languageFor, loadHighlighter } from "./highlight.ts";

const on = createColors(true);
const off = createColors(false);

beforeAll(() => loadHighlighter());

describe("highlightCode", () => {
  it("colours TypeScript keywords, strings and comments and keeps the text character for character", () => {
    const code = 'const greeting: string = "a < b && c > d";\n// done';
    const lines = highlightCode(code, "ts", on);
    expect(lines.map((line) => strip(line))).toEqual(code.split("\n"));
    expect(lines[0]).toContain("\u001b[35mconst\u001b[39m");
    expect(lines[0]).toContain('\u001b[32m"a < b && c > d"\u001b[39m');
    expect(lines[1]).toBe("\u001b[90m// done\u001b[39m");
  });

  it("colours each line of a comment that spans lines, so every line stands on its own", () => {
    const lines = highlightCode("/* one\n   two */\nx = 1", "javascript", on);
    expect(lines.slice(0, 2)).toEqual(["\u001b[90m/* one\u001b[39m", "\u001b[90m   two */\u001b[39m"]);
    expect(strip(lines[2] ?? "")).toBe("x = 1");
  });

  it("returns the lines unchanged when colours are off or the language is unknown", () => {
    const code = "if x:\n\tprint('hi')";
    expect(highlightCode(code, "python", off)).toEqual(code.split("\n"));
    expect(highlightCode(code, "cobol", on)).toEqual(code.split("\n"));
    expect(highlightCode(code, undefined, on)).toEqual(code.split("\n"));
  });

  it("reads the fence info strings models write", () => {
    expect(languageFor("TypeScript")).toBe("typescript");
    expect(languageFor("sh {cmd=true}")).toBe("bash");
    expect(languageFor("yml")).toBe("yaml");
    expect(languageFor("html")).toBe("xml");
    expect(languageFor("brainfuck")).toBeUndefined();
    expect(strip(highlightCode("a: 1", "yml", on)[0] ?? "")).toBe("a: 1");
    expect(highlightCode("a: 1", "yml", on)[0]).not.toBe("a: 1");
  });
});

describe("htmlToAnsiLines", () => {
  it("takes the innermost styled span and leaves unstyled spans plain", () => {
    const html = '<span class="hljs-string">`a<span class="hljs-subst">${x}</span>b`</span>';
    expect(htmlToAnsiLines(html, on)).toEqual([
      "\u001b[32m`a\u001b[39m\u001b[32m${x}\u001b[39m\u001b[32mb`\u001b[39m",
    ]);
    expect(htmlToAnsiLines(html, off)).toEqual(["`a${x}b`"]);
  });

  it("decodes entities, including numeric ones, and leaves unknown ones as written", () => {
    expect(decodeEntities("&lt;a href=&quot;x&quot;&gt; &amp;&#x27;&#39; &nbsp;")).toBe(
      "<a href=\"x\"> &'' &nbsp;",
    );
  });
});
