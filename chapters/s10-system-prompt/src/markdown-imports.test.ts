// Which @tokens of an instruction file are imports: paths outside code, once each, as Claude Code reads them.
import { describe, expect, it } from "vitest";
import { findImports } from "./markdown-imports.ts";

describe("findImports", () => {
  it("finds relative, home and absolute imports at a line start or after whitespace", () => {
    const markdown = "@docs/style.md\nSee @./testing.md and @~/notes/me.md, or @/etc/team.md.\n";
    expect(findImports(markdown)).toEqual(["docs/style.md", "./testing.md", "~/notes/me.md", "/etc/team.md"]);
  });

  it("drops a #fragment and trailing punctuation, unescapes spaces, lists each path once", () => {
    expect(findImports("Read @guide.md#setup, then @my\\ notes.md; again @guide.md.")).toEqual([
      "guide.md",
      "my notes.md",
    ]);
  });

  it("ignores e-mail addresses and package names without a file extension", () => {
    expect(findImports("Mail me@example.com about @types/node and @lcc/s02.")).toEqual([]);
  });

  it("ignores imports inside inline code spans, also with longer backtick runs", () => {
    const markdown = "Write `@not-this.md` or ``x @nor-this.md y`` but read @this.md";
    expect(findImports(markdown)).toEqual(["this.md"]);
  });

  it("ignores imports inside fenced code blocks (``` and ~~~), and reads on after the fence", () => {
    const markdown = ["```sh", "cat @inside.md", "```", "~~~", "@also-inside.md", "~~~", "@after.md"].join(
      "\n",
    );
    expect(findImports(markdown)).toEqual(["after.md"]);
  });

  it("treats an unclosed backtick as a literal character", () => {
    expect(findImports("a ` lone tick, then @real.md")).toEqual(["real.md"]);
  });
});
