// The .gitignore matcher: parsing rules and deciding with nested files.
import { describe, expect, it } from "vitest";
import { type IgnoreFile, isIgnored, parseGitignore } from "./gitignore.ts";

function ignoreFile(base: string, text: string): IgnoreFile {
  return { base, rules: parseGitignore(text) };
}

describe("parseGitignore", () => {
  it("skips blank lines and comments and keeps escaped hashes and spaces", () => {
    const rules = parseGitignore("# comment\n\n\\#hash\ntrailing   \nkeep\\ \n");
    expect(rules).toHaveLength(3);
    expect(rules[0]!.regex.test("#hash")).toBe(true);
    expect(rules[1]!.regex.test("trailing")).toBe(true);
    expect(rules[2]!.regex.test("keep ")).toBe(true);
  });

  it("reads CRLF files", () => {
    expect(parseGitignore("*.log\r\n")[0]!.regex.test("a.log")).toBe(true);
  });
});

describe("isIgnored", () => {
  const root = ignoreFile("/ws", "*.log\n!keep.log\nbuild/\n/top.txt\ndocs/*.md\n**/cache/**\n");

  it("matches a pattern without a slash at any depth", () => {
    expect(isIgnored([root], "/ws/a.log", false)).toBe(true);
    expect(isIgnored([root], "/ws/deep/er/a.log", false)).toBe(true);
  });

  it("lets a later negation re-include a file", () => {
    expect(isIgnored([root], "/ws/deep/keep.log", false)).toBe(false);
  });

  it("applies a trailing-slash pattern to folders only", () => {
    expect(isIgnored([root], "/ws/src/build", true)).toBe(true);
    expect(isIgnored([root], "/ws/src/build", false)).toBe(false);
  });

  it("anchors patterns that contain a slash to the file's folder", () => {
    expect(isIgnored([root], "/ws/top.txt", false)).toBe(true);
    expect(isIgnored([root], "/ws/sub/top.txt", false)).toBe(false);
    expect(isIgnored([root], "/ws/docs/a.md", false)).toBe(true);
    expect(isIgnored([root], "/ws/docs/sub/a.md", false)).toBe(false);
    expect(isIgnored([root], "/ws/x/cache/y/z.bin", false)).toBe(true);
  });

  it("lets a deeper file override its parent and leaves paths outside a file's folder alone", () => {
    const nested = ignoreFile("/ws/pkg", "!*.log\nlocal.txt\n");
    expect(isIgnored([root, nested], "/ws/pkg/a.log", false)).toBe(false);
    expect(isIgnored([root, nested], "/ws/other/a.log", false)).toBe(true);
    expect(isIgnored([root, nested], "/ws/local.txt", false)).toBe(false);
    expect(isIgnored([root, nested], "/ws/pkg/local.txt", false)).toBe(true);
  });
});
