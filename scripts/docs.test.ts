// The docs test: docs never name a file that does not exist or a `pnpm` command that is not defined,
// and every chapter package has an English and a Chinese doc with a Mermaid diagram.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkChapterDocs,
  checkChapterStatus,
  checkCommands,
  checkPaths,
  formatProblem,
  isRepoPath,
  missingChapterReadmes,
  missingRequiredDocs,
  pnpmProblem,
  readDocs,
  readWorkspacePackages,
} from "./docs-check.ts";
import { findPnpmCommands, pathWordsOf, scanMarkdown } from "./markdown-references.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const docs = readDocs(root);
const packages = readWorkspacePackages(root);

describe("the docs", () => {
  it("include README.md and README.zh.md", () => {
    expect(missingRequiredDocs(root).map(formatProblem)).toEqual([]);
  });

  it("include a README.md in every chapter folder, and check package READMEs like the docs", () => {
    expect(missingChapterReadmes(root).map(formatProblem)).toEqual([]);
    const files = docs.map((doc) => doc.file);
    expect(files).toContain("chapter-kit/README.md");
    expect(files).toContain("chapters/s01-agent-loop/README.md");
  });

  it("name only repository paths and link targets that exist", () => {
    expect(docs.flatMap((doc) => checkPaths(root, doc)).map(formatProblem)).toEqual([]);
  });

  it("show only pnpm commands the workspace defines", () => {
    expect(docs.flatMap((doc) => checkCommands(doc, packages)).map(formatProblem)).toEqual([]);
  });

  it("cover every chapter package in English and Chinese", () => {
    expect(checkChapterDocs(root, docs).missing.map(formatProblem)).toEqual([]);
  });

  it("draw a Mermaid diagram in every chapter doc", () => {
    expect(checkChapterDocs(root, docs).noDiagram.map(formatProblem)).toEqual([]);
  });

  it("mark a chapter as planned in the architecture page exactly when its package does not exist", () => {
    expect(checkChapterStatus(root, docs).map(formatProblem)).toEqual([]);
  });
});

describe("the docs checker", () => {
  it("reads code spans and links outside fences, shell lines and Mermaid blocks inside them", () => {
    const scan = scanMarkdown(
      [
        "See `chapters/s01-agent-loop/src/agent-loop.ts` and [s02](s02-tool-use.md).",
        "```mermaid",
        "flowchart LR",
        "```",
        "```sh",
        "pnpm --filter s01 demo   # offline",
        "```",
        "```ts",
        'const path = "`chapters/nope.ts`";',
        "```",
      ].join("\n"),
    );
    expect(scan.codeSpans).toEqual([{ text: "chapters/s01-agent-loop/src/agent-loop.ts", line: 1 }]);
    expect(scan.linkTargets).toEqual([{ text: "s02-tool-use.md", line: 1 }]);
    expect(scan.shellLines).toEqual([{ text: "pnpm --filter s01 demo   # offline", line: 6 }]);
    expect(scan.mermaidBlocks).toBe(1);
  });

  it("reads a code span that wraps onto the next line once, at the line where it starts", () => {
    const scan = scanMarkdown(
      "Intro\nsee `chapters/s01-agent-loop/src/agent-loop.ts\nand more` here\n\n- `a`\n- `b`",
    );
    expect(scan.codeSpans).toEqual([
      { text: "chapters/s01-agent-loop/src/agent-loop.ts and more", line: 2 },
      { text: "a", line: 5 },
      { text: "b", line: 6 },
    ]);
  });

  it("treats prefixed and root paths as references and ignores URLs, .lcc paths, globs and placeholders", () => {
    const words = pathWordsOf("chapters/s02-tool-use/src/tool.ts:42, package.json .env.example");
    expect(words.filter(isRepoPath)).toEqual([
      "chapters/s02-tool-use/src/tool.ts",
      "package.json",
      ".env.example",
    ]);
    for (const word of [
      "https://github.com/x/chapters/a.ts",
      ".lcc/tool-results/x.txt",
      "skills/*/SKILL.md",
      "docs/en/<dir>.md",
      "chapters/sNN-name",
      "CLAUDE.md",
      "src/agent.ts",
    ]) {
      expect(isRepoPath(word), word).toBe(false);
    }
  });

  it("reports a missing path and a link that does not resolve from the doc's folder", () => {
    const text = "`chapters/s01-agent-loop/src/nope.ts`\n[ok](s01-agent-loop.md) [bad](chapters/x.md)";
    const doc = { file: "docs/en/example.md", text, scan: scanMarkdown(text) };
    const messages = checkPaths(root, doc).map(formatProblem);
    expect(messages[0]).toBe(
      "docs/en/example.md:1: path does not exist: chapters/s01-agent-loop/src/nope.ts",
    );
    expect(messages.some((message) => message.includes("link target does not exist: chapters/x.md"))).toBe(
      true,
    );
  });

  it("finds pnpm commands after prompts, env assignments and && and resolves them against package scripts", () => {
    expect(findPnpmCommands("$ MODEL_ID=x pnpm --filter s01 start && pnpm test")).toEqual([
      ["--filter", "s01", "start"],
      ["test"],
    ]);
    expect(pnpmProblem(["--filter", "s01", "demo"], packages)).toBeUndefined();
    expect(pnpmProblem(["--filter", "@lcc/s02", "run", "start"], packages)).toBeUndefined();
    expect(pnpmProblem(["check"], packages)).toBeUndefined();
    expect(pnpmProblem(["exec", "vitest", "run", "scripts"], packages)).toBeUndefined();
    expect(pnpmProblem(["--filter", "s01", "deploy"], packages)).toMatch(/@lcc\/s01 has no script "deploy"/);
    expect(pnpmProblem(["--filter", "sNN", "demo"], packages)).toBeUndefined();
    expect(pnpmProblem(["--filter", "s99", "demo"], packages)).toMatch(/no workspace package is named "s99"/);
    expect(pnpmProblem(["deploy"], packages)).toMatch(/root package.json has no script "deploy"/);
  });
});
