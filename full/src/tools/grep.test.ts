// The grep tool against real temp workspaces, through ripgrep (when installed) and the JS walk.
import { chmod, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createToolContext } from "@lcc/s02";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createGrepTool, type GrepDetails } from "./grep.ts";
import {
  expectSameAnswers,
  ripgrepInstalled,
  runAndAbort,
  searchImplementations,
  searchWorkspaceSetup,
  toolCaller,
} from "./search-test-helpers.ts";

/** Files oldest first: each later file gets a newer modification time. */
const FILES: Record<string, string> = {
  ".gitignore": "dist/\n*.log\n!keep.log\n",
  "README.md": "# Title\nTODO: write the docs\n",
  ".env": "TODO=1\n",
  "keep.log": "TODO kept log\n",
  "debug.log": "TODO ignored log\n",
  "dist/bundle.js": "TODO ignored bundle\n",
  "node_modules/pkg/index.ts": "TODO always skipped\n",
  "src/.gitignore": "generated.ts\n",
  "src/generated.ts": "export const TODO = 'ignored by the nested rule';\n",
  "src/app.ts":
    "import { helper } from './util/helper';\n\nexport function main() {\n  // todo: lower case\n  return helper();\n}\n// TODO: tidy\n",
  "src/ui/view.tsx": "// TODO render\nexport const view = 1;\n",
  "src/util/helper.ts": "export function helper() {\r\n  return 42; // TODO crlf\r\n}\r\n",
};

const addCleanup = useCleanups();
const setup = searchWorkspaceSetup(addCleanup, FILES);

const callGrep = toolCaller(createGrepTool);

describe.each(searchImplementations)("grep through %s", (implementation) => {
  const options = { implementation };

  it("lists files with matches newest first, honouring .gitignore and skipping node_modules", async () => {
    const { dir } = await setup();
    const result = await callGrep(dir, { pattern: "TODO" }, options);
    expect(result.isError).toBeFalsy();
    expect(result.content).toBe(
      "Found 6 files\nsrc/util/helper.ts\nsrc/ui/view.tsx\nsrc/app.ts\nkeep.log\n.env\nREADME.md",
    );
    expect(result.details).toMatchObject({ implementation, mode: "files_with_matches", totalFiles: 6 });
  });

  it("shows matching lines with numbers and merged context groups", async () => {
    const { dir } = await setup();
    const result = await callGrep(
      dir,
      { pattern: "helper|tidy", output_mode: "content", context: 1 },
      options,
    );
    expect(result.content).toBe(
      [
        "src/app.ts:1:import { helper } from './util/helper';",
        "src/app.ts-2-",
        "--",
        "src/app.ts-4-  // todo: lower case",
        "src/app.ts:5:  return helper();",
        "src/app.ts-6-}",
        "src/app.ts:7:// TODO: tidy",
        "--",
        "src/util/helper.ts:1:export function helper() {",
        "src/util/helper.ts-2-  return 42; // TODO crlf",
      ].join("\n"),
    );
  });

  it("counts matching lines per file, ignores case on request and filters files by glob", async () => {
    const { dir } = await setup();
    const counts = await callGrep(
      dir,
      { pattern: "todo", case_insensitive: true, output_mode: "count" },
      options,
    );
    expect(counts.content).toBe(
      ".env:1\nREADME.md:1\nkeep.log:1\nsrc/app.ts:2\nsrc/ui/view.tsx:1\nsrc/util/helper.ts:1\n\nFound 7 matching lines in 6 files.",
    );
    const byName = await callGrep(dir, { pattern: "TODO", glob: "*.{ts,tsx}" }, options);
    expect(byName.content).toBe("Found 3 files\nsrc/util/helper.ts\nsrc/ui/view.tsx\nsrc/app.ts");
    const byPath = await callGrep(dir, { pattern: "TODO", glob: "src/util/*.ts" }, options);
    expect(byPath.content).toBe("Found 1 file\nsrc/util/helper.ts");
    const inline = await callGrep(dir, { pattern: "(?i)todo: lower", output_mode: "content" }, options);
    expect(inline.content).toBe("src/app.ts:4:  // todo: lower case");
  });

  it("never lets glob re-include an ignored file, but searches a file named as path", async () => {
    const { dir } = await setup();
    const filtered = await callGrep(dir, { pattern: "TODO", glob: "generated.ts" }, options);
    expect(filtered.content).toBe('No matches for "TODO" in the workspace (files matching generated.ts).');
    const named = await callGrep(
      dir,
      { pattern: "TODO", path: "src/generated.ts", output_mode: "content" },
      options,
    );
    expect(named.content).toBe("src/generated.ts:1:export const TODO = 'ignored by the nested rule';");
  });

  it("skips the agent's own .lcc folder unless asked to search inside it", async () => {
    const { dir } = await setup({ "a.txt": "needle\n", ".lcc/tool-results/out.txt": "needle saved\n" });
    expect((await callGrep(dir, { pattern: "needle" }, options)).content).toBe("Found 1 file\na.txt");
    const inside = await callGrep(dir, { pattern: "needle", path: ".lcc/tool-results" }, options);
    expect(inside.content).toBe("Found 1 file\n.lcc/tool-results/out.txt");
  });

  it("caps lines and files at the defaults and at head_limit, saying how to narrow", async () => {
    const lines = Array.from({ length: 300 }, (_, index) => `match ${index}`).join("\n");
    const files = Object.fromEntries(
      Array.from({ length: 105 }, (_, index) => [`many/f${index}.txt`, "match\n"]),
    );
    const { dir } = await setup({ "big.txt": `${lines}\n`, ...files });
    const content = await callGrep(
      dir,
      { pattern: "match", path: "big.txt", output_mode: "content" },
      options,
    );
    expect(String(content.content).split("\n")).toHaveLength(252);
    expect(content.content).toContain(
      "big.txt:250:match 249\n\n[Showing 250 of 300 lines; 50 more left out.",
    );
    expect(content.content).toContain("Narrow the search with path, glob or a more specific pattern");
    const listed = await callGrep(dir, { pattern: "match", path: "many" }, options);
    expect(listed.content).toContain("Found 105 files\nmany/f104.txt\n");
    expect(listed.content).toContain("[Showing 100 of 105 files; 5 more left out.");
    const limited = await callGrep(dir, { pattern: "match", output_mode: "count", head_limit: 2 }, options);
    expect(limited.content).toBe(
      "big.txt:300\nmany/f0.txt:1\n\nFound 405 matching lines in 106 files.\n\n" +
        "[Showing 2 of 106 files; 104 more left out. Narrow the search with path, glob or a more specific pattern " +
        "(or change head_limit).]",
    );
    expect(limited.details as GrepDetails).toMatchObject({
      totalFiles: 106,
      totalEntries: 405,
      shownEntries: 2,
    });
  });

  it("skips binary files and cuts very long lines", async () => {
    const { dir } = await setup({ "a.txt": `needle ${"x".repeat(800)}\n` });
    await writeFile(join(dir, "blob.bin"), Buffer.from([0x6e, 0x65, 0x65, 0x64, 0x6c, 0x65, 0x00, 0x01]));
    const result = await callGrep(dir, { pattern: "needle", output_mode: "content" }, options);
    expect(result.content).toBe(`a.txt:1:needle ${"x".repeat(493)}… [line cut]`);
  });

  it("turns an invalid regular expression into an error the model can act on", async () => {
    const { dir } = await setup();
    const result = await callGrep(dir, { pattern: "foo(" }, options);
    expect(result.isError).toBe(true);
    expect(result.content).toMatch(/^Invalid regular expression "foo\(": .+\. Fix the pattern, or escape/);
  });

  it("refuses paths outside the workspace and symlinked escapes", async () => {
    const { dir } = await setup();
    const outside = await createTempWorkspace({ files: { "x.txt": "TODO outside\n" } });
    addCleanup(outside.cleanup);
    await symlink(outside.dir, join(dir, "escape"));
    for (const path of ["..", outside.dir, "escape", "escape/x.txt"]) {
      const result = await callGrep(dir, { pattern: "TODO", path }, options);
      expect(result.isError).toBe(true);
      expect(result.content).toContain("outside the workspace");
    }
  });

  it("reports a missing path and says so when nothing matches", async () => {
    const { dir } = await setup();
    expect(await callGrep(dir, { pattern: "x", path: "nope" }, options)).toMatchObject({ isError: true });
    const none = await callGrep(dir, { pattern: "no such text", path: "src" }, options);
    expect(none.content).toBe('No matches for "no such text" in src.');
  });

  it("stops when the signal aborts", async () => {
    const { dir } = await setup();
    const running = runAndAbort(createGrepTool(options), dir, { pattern: "TODO" });
    await expect(running).rejects.toThrow(/abort/i);
  });
});

describe("grep implementations", () => {
  it("kills a running ripgrep when the signal aborts", async () => {
    const { dir } = await setup();
    const slow = join(dir, "slow-rg.sh");
    await writeFile(
      slow,
      '#!/bin/sh\nif [ "$1" = "--version" ]; then echo fake; exit 0; fi\nexec sleep 30\n',
    );
    await chmod(slow, 0o755);
    const tool = createGrepTool({ implementation: "ripgrep", ripgrepPath: slow });
    const controller = new AbortController();
    const started = Date.now();
    const running = tool.run(
      { pattern: "TODO" },
      createToolContext(dir, { signal: controller.signal, toolUseId: "t" }),
    );
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toThrow(/abort/i);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("fails clearly when ripgrep is demanded but missing", async () => {
    const { dir } = await setup();
    const result = await callGrep(
      dir,
      { pattern: "x" },
      { implementation: "ripgrep", ripgrepPath: "/nonexistent/rg" },
    );
    expect(result).toMatchObject({
      isError: true,
      content: "grep failed: ripgrep (/nonexistent/rg) is not installed.",
    });
  });

  it.skipIf(!ripgrepInstalled)("give the same answers with ripgrep and with the JS walk", async () => {
    const { dir } = await setup();
    const inputs = [
      { pattern: "TODO" },
      { pattern: "todo", case_insensitive: true, output_mode: "content" },
      { pattern: "return", output_mode: "content", context: 2 },
      { pattern: "\\d+", output_mode: "count" },
      { pattern: "^export", glob: "*.ts", output_mode: "content" },
      { pattern: "TODO", path: "src", glob: "**/*.tsx" },
      { pattern: "o", output_mode: "content", head_limit: 5 },
      { pattern: "\\w+\\(\\)$", output_mode: "content" },
      { pattern: "é|ü", output_mode: "count" },
      { pattern: "[[:digit:]]+|[[:upper:]]{4}", output_mode: "content" },
      { pattern: "TODO", path: "dist", output_mode: "content" },
      { pattern: "TODO", path: "src/generated.ts", output_mode: "count" },
    ];
    await expectSameAnswers(callGrep, dir, inputs);
  });
});
