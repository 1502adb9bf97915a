// The .gitignore matcher: parsing rules and deciding with nested files.
import { describe, expect, it } from "vitest";
import { type IgnoreFile, isIgnored, parseGitignore } from "./gitignore.ts";

function ignoreFile(base: string, text: string): IgnoreFile {
  return { base, rules: parseGitignore(text) };
}

describe("parseGitignore", () => {
  function ignores(text: string, path: string): boolean {
    return isIgnored([ignoreFile("/ws", text)], `/ws/${path}`, false);
  }

  it("skips blank lines and comments and keeps escaped hashes and spaces", () => {
    const text = "# comment\n\n\\#hash\ntrailing   \nkeep\\ \n";
    expect(ignores(text, "# comment")).toBe(false);
    expect(ignores(text, "#hash")).toBe(true);
    expect(ignores(text, "trailing")).toBe(true);
    expect(ignores(text, "trailing   ")).toBe(false);
    expect(ignores(text, "keep ")).toBe(true);
    expect(ignores(text, "keep")).toBe(false);
  });

  it("reads CRLF files", () => {
    expect(ignores("*.log\r\n", "a.log")).toBe(true);
  });

  it("leaves braces literal, as git does", () => {
    expect(ignores("{a,b}\n", "{a,b}")).toBe(true);
    expect(ignores("{a,b}\n", "a")).toBe(false);
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

  it("matches the path itself, not its folders, as ripgrep does inside an ignored folder", () => {
    const file = ignoreFile("/ws", "build/\nout/*.js\n");
    expect(isIgnored([file], "/ws/build", true)).toBe(true);
    expect(isIgnored([file], "/ws/build/a.txt", false)).toBe(false);
    expect(isIgnored([file], "/ws/out/a.js", false)).toBe(true);
  });

  it("reads globs as git does: * matches a leading dot, [!x] negates, ** crosses folders", () => {
    const file = ignoreFile("/ws", "*.env\nfile[!0-9].txt\na/**/z\n");
    expect(isIgnored([file], "/ws/.env", false)).toBe(true);
    expect(isIgnored([file], "/ws/fileA.txt", false)).toBe(true);
    expect(isIgnored([file], "/ws/file7.txt", false)).toBe(false);
    expect(isIgnored([file], "/ws/a/z", false)).toBe(true);
    expect(isIgnored([file], "/ws/a/b/c/z", false)).toBe(true);
  });

  it("lets a deeper file override its parent and leaves paths outside a file's folder alone", () => {
    const nested = ignoreFile("/ws/pkg", "!*.log\nlocal.txt\n");
    expect(isIgnored([root, nested], "/ws/pkg/a.log", false)).toBe(false);
    expect(isIgnored([root, nested], "/ws/other/a.log", false)).toBe(true);
    expect(isIgnored([root, nested], "/ws/local.txt", false)).toBe(false);
    expect(isIgnored([root, nested], "/ws/pkg/local.txt", false)).toBe(true);
  });
});
