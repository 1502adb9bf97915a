import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { normalizeResult, type Tool, type ToolResult } from "../tool.ts";
import { createEditFileTool } from "./edit-file.ts";
import { createReadFileTool } from "./read-file.ts";
import { createWriteFileTool } from "./write-file.ts";

const addCleanup = useCleanups();

async function setup(files: Record<string, string> = {}) {
  const workspace = await createTempWorkspace({ files });
  addCleanup(workspace.cleanup);
  const call = async (tool: Tool, input: unknown): Promise<ToolResult> =>
    normalizeResult(
      await tool.run(tool.input.parse(input), {
        workspace: workspace.dir,
        signal: new AbortController().signal,
        toolUseId: "toolu_test",
      }),
    );
  return { dir: workspace.dir, call };
}

describe("read_file", () => {
  it("returns numbered lines and says how to read the next page", async () => {
    const lines = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`).join("\n");
    const { call } = await setup({ "long.txt": `${lines}\n` });
    const result = await call(createReadFileTool(), { path: "long.txt", offset: 11, limit: 5 });
    expect(result.content).toBe(
      "    11\tline 11\n    12\tline 12\n    13\tline 13\n    14\tline 14\n    15\tline 15\n" +
        "[Showing lines 11-15 of 30. Call read_file with offset 16 to continue.]",
    );
  });

  it("reports a missing file, a directory and an offset past the end as errors with a next step", async () => {
    const { call } = await setup({ "src/a.ts": "a\n" });
    const read = createReadFileTool();
    await expect(call(read, { path: "nope.ts" })).rejects.toThrow(/File not found: nope.ts/);
    await expect(call(read, { path: "src" })).rejects.toThrow(/is a directory/);
    await expect(call(read, { path: "src/a.ts", offset: 9 })).rejects.toThrow(
      /past the end of src\/a.ts, which has 1 lines/,
    );
  });
});

describe("write_file", () => {
  it("creates parent folders and reports the bytes written", async () => {
    const { call, dir } = await setup();
    const result = await call(createWriteFileTool(), { path: "deep/new/file.txt", content: "héllo\n" });
    expect(result.content).toBe("Created deep/new/file.txt (7 bytes).");
    expect(await readFile(join(dir, "deep/new/file.txt"), "utf8")).toBe("héllo\n");
  });
});

describe("edit_file", () => {
  it("replaces text that occurs exactly once", async () => {
    const { call, dir } = await setup({ "a.txt": "one two three\n" });
    await call(createEditFileTool(), { path: "a.txt", old_text: "two", new_text: "2" });
    expect(await readFile(join(dir, "a.txt"), "utf8")).toBe("one 2 three\n");
  });

  it("refuses an ambiguous edit, saying how many matches and what to do", async () => {
    const { call, dir } = await setup({ "a.txt": "x = 1\nx = 1\n" });
    await expect(
      call(createEditFileTool(), { path: "a.txt", old_text: "x = 1", new_text: "x = 2" }),
    ).rejects.toThrow(
      "old_text occurs 2 times in a.txt. Include more surrounding lines so it is unique, or set replace_all: true.",
    );
    expect(await readFile(join(dir, "a.txt"), "utf8")).toBe("x = 1\nx = 1\n");
  });

  it("replaces every occurrence with replace_all", async () => {
    const { call, dir } = await setup({ "a.txt": "x = 1\nx = 1\n" });
    const result = await call(createEditFileTool(), {
      path: "a.txt",
      old_text: "x = 1",
      new_text: "x = 2",
      replace_all: true,
    });
    expect(result.content).toBe("Edited a.txt: 2 replacements.");
    expect(await readFile(join(dir, "a.txt"), "utf8")).toBe("x = 2\nx = 2\n");
  });

  it("says when old_text is missing", async () => {
    const { call } = await setup({ "a.txt": "abc\n" });
    await expect(
      call(createEditFileTool(), { path: "a.txt", old_text: "zzz", new_text: "y" }),
    ).rejects.toThrow(/not found/);
  });

  it("keeps $-patterns in new_text literal", async () => {
    const { call, dir } = await setup({ "a.txt": "price\n" });
    await call(createEditFileTool(), { path: "a.txt", old_text: "price", new_text: "$& costs $1" });
    expect(await readFile(join(dir, "a.txt"), "utf8")).toBe("$& costs $1\n");
  });

  it("keeps a CRLF, UTF-8 file byte-for-byte outside the edited text", async () => {
    const original = "\uFEFFfirst line — é\r\nsecond: 世界 🎉\r\nthird\r\n";
    const { call, dir } = await setup();
    await writeFile(join(dir, "crlf.txt"), original, "utf8");
    await call(createEditFileTool(), {
      path: "crlf.txt",
      old_text: "second: 世界 🎉\nthird",
      new_text: "second: 世界 🎉\nTHIRD",
    });
    const after = await readFile(join(dir, "crlf.txt"));
    expect(after.equals(Buffer.from("\uFEFFfirst line — é\r\nsecond: 世界 🎉\r\nTHIRD\r\n", "utf8"))).toBe(
      true,
    );
  });
});
