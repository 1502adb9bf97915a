// Glob semantics shared by glob, grep's file filter and .gitignore rules.
import { describe, expect, it } from "vitest";
import { createGlobFilter, createPathGlob, fileNameGlob } from "./glob-pattern.ts";

function matches(pattern: string, path: string): boolean {
  return createPathGlob(pattern)(path);
}

describe("createPathGlob", () => {
  it("keeps * and ? inside one folder", () => {
    expect(matches("*.ts", "a.ts")).toBe(true);
    expect(matches("*.ts", "src/a.ts")).toBe(false);
    expect(matches("?.ts", "ab.ts")).toBe(false);
    expect(matches("src/?.ts", "src/a.ts")).toBe(true);
  });

  it("lets ** cross any number of folders, including none", () => {
    expect(matches("**/*.ts", "a.ts")).toBe(true);
    expect(matches("**/*.ts", "src/deep/a.ts")).toBe(true);
    expect(matches("src/**/a.ts", "src/a.ts")).toBe(true);
    expect(matches("src/**/a.ts", "src/x/y/a.ts")).toBe(true);
    expect(matches("src/**", "src/x/y/a.ts")).toBe(true);
    expect(matches("src/**", "lib/a.ts")).toBe(false);
  });

  it("expands braces and character classes", () => {
    expect(matches("**/*.{ts,tsx}", "ui/app.tsx")).toBe(true);
    expect(matches("**/*.{ts,tsx}", "ui/app.js")).toBe(false);
    expect(matches("file[0-9].txt", "file7.txt")).toBe(true);
    expect(matches("file[!0-9].txt", "file7.txt")).toBe(false);
    expect(matches("file[!0-9].txt", "fileA.txt")).toBe(true);
  });

  it("treats regex characters, escapes and unclosed brackets literally", () => {
    expect(matches("a+b(1).ts", "a+b(1).ts")).toBe(true);
    expect(matches("\\*.ts", "*.ts")).toBe(true);
    expect(matches("\\*.ts", "x.ts")).toBe(false);
    expect(matches("[abc.ts", "[abc.ts")).toBe(true);
    expect(matches("{a,b.ts", "{a,b.ts")).toBe(true);
  });

  it("never lets a class match a slash", () => {
    expect(matches("a[!x]b", "a/b")).toBe(false);
  });

  it("lets * match names that start with a dot, as ripgrep does", () => {
    expect(matches("*", ".env")).toBe(true);
    expect(matches("**/*.ts", ".config/a.ts")).toBe(true);
  });

  it("reads ripgrep's syntax: no extglobs, [^...] negates too", () => {
    expect(matches("a+(b).ts", "a+(b).ts")).toBe(true);
    expect(matches("a+(b).ts", "ab.ts")).toBe(false);
    expect(matches("file[^0-9].txt", "file7.txt")).toBe(false);
  });

  it("reads a leading ! literally rather than as an exclusion", () => {
    expect(matches("!a.ts", "!a.ts")).toBe(true);
    expect(matches("!a.ts", "b.ts")).toBe(false);
    expect(createGlobFilter("!*.ts")("src/b.js")).toBe(false);
  });
});

describe("createGlobFilter", () => {
  it("matches a pattern without a slash against the file name at any depth", () => {
    const filter = createGlobFilter("*.test.ts");
    expect(filter("src/deep/a.test.ts")).toBe(true);
    expect(filter("src/deep/a.ts")).toBe(false);
  });

  it("matches a pattern with a slash against the whole relative path", () => {
    const filter = createGlobFilter("src/*.ts");
    expect(filter("src/a.ts")).toBe(true);
    expect(filter("lib/src/a.ts")).toBe(false);
    expect(createGlobFilter("/src/*.ts")("src/a.ts")).toBe(true);
  });
});

describe("fileNameGlob", () => {
  it("returns the last segment when it constrains file names by itself", () => {
    expect(fileNameGlob("src/**/*.{ts,tsx}")).toBe("*.{ts,tsx}");
    expect(fileNameGlob("*.md")).toBe("*.md");
  });

  it("gives up when the last segment cannot be split off safely", () => {
    expect(fileNameGlob("src/**")).toBeUndefined();
    expect(fileNameGlob("src/{a,b/c}.ts")).toBeUndefined();
    expect(fileNameGlob("a\\/b")).toBeUndefined();
  });
});
