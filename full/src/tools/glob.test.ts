// The glob tool against real temp workspaces, through ripgrep (when installed) and the JS walk.
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createGlobTool, type GlobDetails } from "./glob.ts";
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
  ".gitignore": "dist/\n*.log\n!keep.log\n/secret.txt\n",
  "README.md": "# Title\n",
  "secret.txt": "top secret\n",
  "debug.log": "noise\n",
  "keep.log": "kept\n",
  ".env": "KEY=1\n",
  "docs/secret.txt": "not ignored: the rule is anchored\n",
  "docs/guide.md": "# Guide\n",
  "dist/bundle.js": "ignored\n",
  "node_modules/pkg/index.ts": "always skipped\n",
  "logs/app.log": "ignored by the root rule\n",
  "logs/keep.log": "re-included\n",
  "src/.gitignore": "generated.ts\n",
  "src/generated.ts": "ignored by the nested rule\n",
  "src/app.ts": "export {};\n",
  "src/ui/view.tsx": "export {};\n",
  "src/util/helper.ts": "export {};\n",
};

const addCleanup = useCleanups();
const setup = searchWorkspaceSetup(addCleanup, FILES);

const callGlob = toolCaller(createGlobTool);

describe.each(searchImplementations)("glob through %s", (implementation) => {
  const options = { implementation };

  it("lists matching files newest first and honours root and nested .gitignore files", async () => {
    const { dir } = await setup();
    const result = await callGlob(dir, { pattern: "**/*.ts" }, options);
    expect(result.isError).toBeFalsy();
    expect(result.content).toBe("src/util/helper.ts\nsrc/app.ts");
    expect((result.details as GlobDetails).implementation).toBe(implementation);
  });

  it("keeps * at the top of path and includes hidden files, never .git", async () => {
    const { dir } = await setup();
    const result = await callGlob(dir, { pattern: "*" }, options);
    expect(String(result.content).split("\n").sort()).toEqual([
      ".env",
      ".gitignore",
      "README.md",
      "keep.log",
    ]);
    const everything = String((await callGlob(dir, { pattern: "**" }, options)).content);
    expect(everything).not.toMatch(/^\.git\/|node_modules|dist\/|generated|debug\.log|^secret\.txt/m);
    expect(everything).toContain("docs/secret.txt");
  });

  it("searches under path, applying the .gitignore files above it", async () => {
    const { dir } = await setup();
    const logs = await callGlob(dir, { pattern: "*.log", path: "logs" }, options);
    expect(logs.content).toBe("logs/keep.log");
    const source = await callGlob(dir, { pattern: "**/*.{ts,tsx}", path: "src" }, options);
    expect(source.content).toBe("src/util/helper.ts\nsrc/ui/view.tsx\nsrc/app.ts");
  });

  it("caps the list and says how many files were left out and how to narrow", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 105 }, (_, index) => [`many/f${index}.txt`, "x\n"]),
    );
    const { dir } = await setup(files);
    const result = await callGlob(dir, { pattern: "**/*.txt" }, options);
    const lines = String(result.content).split("\n");
    expect(lines.slice(0, 2)).toEqual(["many/f104.txt", "many/f103.txt"]);
    expect(lines.filter((line) => line.startsWith("many/"))).toHaveLength(100);
    expect(result.content).toContain(
      "[Showing 100 of 105 files; 5 more left out. Narrow the search with path",
    );
    const small = await callGlob(dir, { pattern: "**/*.txt" }, { ...options, limit: 3 });
    expect(small.content).toContain("[Showing 3 of 105 files; 102 more left out.");
  });

  it("says so when nothing matches", async () => {
    const { dir } = await setup();
    const result = await callGlob(dir, { pattern: "**/*.rs" }, options);
    expect(result.isError).toBeFalsy();
    expect(result.content).toBe('No files match "**/*.rs" in the workspace.');
  });

  it("refuses paths outside the workspace, symlinked escapes and patterns that climb out", async () => {
    const { dir } = await setup();
    const outside = await createTempWorkspace({ files: { "x.ts": "" } });
    addCleanup(outside.cleanup);
    await symlink(outside.dir, join(dir, "escape"));
    for (const input of [
      { pattern: "*", path: ".." },
      { pattern: "*", path: "escape" },
      { pattern: "../*" },
    ]) {
      const result = await callGlob(dir, input, options);
      expect(result.isError).toBe(true);
      expect(result.content).toMatch(/outside the workspace|must be relative/);
    }
  });

  it("reports a missing folder or a file given as path", async () => {
    const { dir } = await setup();
    expect(await callGlob(dir, { pattern: "*", path: "nope" }, options)).toMatchObject({ isError: true });
    const file = await callGlob(dir, { pattern: "*", path: "README.md" }, options);
    expect(file).toMatchObject({
      isError: true,
      content: "README.md is a file; glob needs a folder as path.",
    });
  });

  it("stops when the signal aborts", async () => {
    const { dir } = await setup();
    const running = runAndAbort(createGlobTool(options), dir, { pattern: "**" });
    await expect(running).rejects.toThrow(/abort/i);
  });
});

describe("glob implementations", () => {
  it.skipIf(!ripgrepInstalled)("give the same answers with ripgrep and with the JS walk", async () => {
    const { dir } = await setup();
    await mkdir(join(dir, "src/util/.cache"), { recursive: true });
    await writeFile(join(dir, "src/util/.cache/x.ts"), "");
    const inputs = [
      { pattern: "**" },
      { pattern: "**/*.md" },
      { pattern: "src/**" },
      { pattern: "**/.*" },
      { pattern: "*/*" },
      { pattern: "**/[ab]*.ts" },
      { pattern: "**", path: "docs" },
      { pattern: "**", path: "dist" },
      { pattern: "**/*.log", path: "logs" },
    ];
    await expectSameAnswers(callGlob, dir, inputs);
  });
});
