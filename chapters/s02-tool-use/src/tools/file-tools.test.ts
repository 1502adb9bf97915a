import { execFileSync } from "node:child_process";
import { chmod, lstat, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_TOOL_OUTPUT_CHARS } from "@lcc/s01";
import { canRunAsNobody, createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createToolContext, normalizeResult, type Tool, type ToolResult } from "../tool.ts";
import { createEditFileTool } from "./edit-file.ts";
import { createReadFileTool } from "./read-file.ts";
import { readFileUnprivileged } from "./read-file-unprivileged.ts";
import { createWriteFileTool } from "./write-file.ts";

const addCleanup = useCleanups();

async function setup(files: Record<string, string> = {}) {
  const workspace = await createTempWorkspace({ files });
  addCleanup(workspace.cleanup);
  const call = async (tool: Tool, input: unknown): Promise<ToolResult> =>
    normalizeResult(
      await tool.run(tool.input.parse(input), createToolContext(workspace.dir, { toolUseId: "toolu_test" })),
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

describe("read_file on files it cannot read as text", () => {
  it.skipIf(!canRunAsNobody(fileURLToPath(new URL("./read-file-unprivileged.ts", import.meta.url))))(
    "says Permission denied for a file or a folder this user may not read (skipped when a child cannot run as nobody here)",
    {
      timeout: 60_000,
    },
    async () => {
      const { dir } = await setup({
        "locked.txt": "secret\n",
        "closed/inner.txt": "x\n",
        "open.txt": "fine\n",
      });
      await chmod(join(dir, "locked.txt"), 0o000);
      await chmod(join(dir, "closed"), 0o000);
      const paths = ["locked.txt", "closed/inner.txt", "open.txt", "missing.txt"];
      const outcomes = await readFileUnprivileged(
        dir,
        paths.map((path) => ({ path })),
      );
      expect(outcomes).toEqual([
        {
          error: expect.stringMatching(
            /^Permission denied: locked\.txt \(or a folder above it\) cannot be read/,
          ),
        },
        { error: expect.stringMatching(/^Permission denied: closed\/inner\.txt /) },
        { content: "     1\tfine" },
        { error: expect.stringMatching(/^File not found: missing\.txt\./) },
      ]);
    },
  );

  it("notes that a file is not valid UTF-8 where its bytes show as U+FFFD", async () => {
    const { call, dir } = await setup();
    await writeFile(join(dir, "legacy.txt"), Buffer.from("caf\xe9\nok\n", "latin1"));
    const result = await call(createReadFileTool(), { path: "legacy.txt" });
    expect(result.content).toBe(
      "     1\tcaf\uFFFD\n     2\tok\n[legacy.txt is not valid UTF-8 text: bytes that are not UTF-8 show as \uFFFD. " +
        "edit_file will refuse to edit it; use bash (e.g. iconv) for such files.]",
    );
    expect(result.details).toMatchObject({ invalidUtf8: true });
  });

  it("does not call a valid line invalid when shortening it cuts a character in two", async () => {
    const { call } = await setup({ "wide.txt": `a${"é".repeat(5000)}\n` });
    const result = await call(createReadFileTool(), { path: "wide.txt" });
    expect(result.content).toBe(`     1\ta${"é".repeat(1999)}… [line shortened]`);
    expect(result.details).not.toHaveProperty("invalidUtf8");
  });
});

describe("read_file on large files", () => {
  it("ends a page before the output cap and says where the next page starts", async () => {
    const lines = Array.from({ length: 2000 }, (_, index) => `${index + 1}: ${"x".repeat(90)}`).join("\n");
    const { call } = await setup({ "wide.txt": `${lines}\n` });
    const result = await call(createReadFileTool(), { path: "wide.txt" });
    const content = String(result.content);
    expect(content.length).toBeLessThanOrEqual(MAX_TOOL_OUTPUT_CHARS);
    const { to } = result.details as { to: number };
    expect(to).toBeLessThan(2000);
    expect(content).not.toContain("characters cut");
    expect(content).toContain(`${to}\t${to}: x`);
    expect(
      content.endsWith(`[Showing lines 1-${to} of 2000. Call read_file with offset ${to + 1} to continue.]`),
    ).toBe(true);
  });

  it("pages a file bigger than one read chunk, with a character split across chunks intact", async () => {
    const first = "a".repeat(65_535);
    const { call } = await setup({ "big.txt": `${first}\né世界\n${"line\n".repeat(100_000)}last` });
    const result = await call(createReadFileTool(), { path: "big.txt", offset: 2, limit: 1 });
    expect(result.content).toBe(
      "     2\té世界\n[Showing lines 2-2 of 100003. Call read_file with offset 3 to continue.]",
    );
    const end = await call(createReadFileTool(), { path: "big.txt", offset: 100_003 });
    expect(end.content).toBe("100003\tlast");
  });

  it("shortens one huge line instead of returning it whole", async () => {
    const { call } = await setup({ "minified.js": `${"é".repeat(3_000_000)}\n` });
    const result = await call(createReadFileTool(), { path: "minified.js" });
    expect(result.content).toBe(`     1\t${"é".repeat(2000)}… [line shortened]`);
    expect(result.details).toMatchObject({ totalLines: 1 });
  });

  it("refuses a binary file and something that is not a regular file", async () => {
    const { call, dir } = await setup({ "image.bin": "PNG\u0000\u0001" });
    await expect(call(createReadFileTool(), { path: "image.bin" })).rejects.toThrow(/binary/);
    execFileSync("mkfifo", [join(dir, "pipe")]);
    await expect(call(createReadFileTool(), { path: "pipe" })).rejects.toThrow(/not a regular file/);
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

describe("write_file and edit_file keep what they do not change", () => {
  it("keeps an existing file's mode exactly, whatever the umask", async () => {
    const { call, dir } = await setup({ "shared.sh": "echo old\n" });
    await chmod(join(dir, "shared.sh"), 0o775);
    await call(createWriteFileTool(), { path: "shared.sh", content: "echo new\n" });
    expect((await stat(join(dir, "shared.sh"))).mode & 0o777).toBe(0o775);
    await chmod(join(dir, "shared.sh"), 0o666);
    await call(createEditFileTool(), { path: "shared.sh", old_text: "new", new_text: "newer" });
    expect((await stat(join(dir, "shared.sh"))).mode & 0o777).toBe(0o666);
  });

  it("edits the file a symlink points to and keeps the symlink", async () => {
    const { call, dir } = await setup({ "lib/real.ts": "export const a = 1;\n" });
    await symlink(join(dir, "lib/real.ts"), join(dir, "alias.ts"));
    await call(createEditFileTool(), { path: "alias.ts", old_text: "= 1", new_text: "= 2" });
    expect((await lstat(join(dir, "alias.ts"))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, "lib/real.ts"), "utf8")).toBe("export const a = 2;\n");
    await call(createWriteFileTool(), { path: "alias.ts", content: "export const a = 3;\n" });
    expect((await lstat(join(dir, "alias.ts"))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, "lib/real.ts"), "utf8")).toBe("export const a = 3;\n");
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

  it("writes new lines with CRLF in a CRLF file even when old_text matched without a line break", async () => {
    const { call, dir } = await setup();
    await writeFile(join(dir, "crlf.txt"), "one\r\ntwo\r\n");
    await call(createEditFileTool(), { path: "crlf.txt", old_text: "two", new_text: "two\nthree" });
    expect(await readFile(join(dir, "crlf.txt"), "utf8")).toBe("one\r\ntwo\r\nthree\r\n");
  });

  it("keeps a mixed file's line breaks outside the edit and writes the new text's breaks as given", async () => {
    const { call, dir } = await setup();
    await writeFile(join(dir, "mixed.txt"), "one\r\ntwo\nthree\r\nfour\n");
    await call(createEditFileTool(), { path: "mixed.txt", old_text: "two\nthree", new_text: "2\n3\n3.5" });
    expect(await readFile(join(dir, "mixed.txt"), "utf8")).toBe("one\r\n2\n3\n3.5\r\nfour\n");
  });

  it("matches old_text across a mix of CRLF and LF breaks when the model wrote LF only", async () => {
    const { call, dir } = await setup();
    await writeFile(join(dir, "mixed.txt"), "a\r\nb\nc\r\nd\n--\na\nb\r\nc\n");
    const result = await call(createEditFileTool(), {
      path: "mixed.txt",
      old_text: "a\nb\nc",
      new_text: "A\nC",
      replace_all: true,
    });
    expect(result.content).toBe("Edited mixed.txt: 2 replacements.");
    expect(await readFile(join(dir, "mixed.txt"), "utf8")).toBe("A\nC\r\nd\n--\nA\nC\n");
  });

  it("refuses a file that is not valid UTF-8 and leaves it untouched", async () => {
    const { call, dir } = await setup();
    const latin1 = Buffer.from("caf\xe9 = 1\nold\n", "latin1");
    await writeFile(join(dir, "legacy.txt"), latin1);
    await expect(
      call(createEditFileTool(), { path: "legacy.txt", old_text: "old", new_text: "new" }),
    ).rejects.toThrow(/not valid UTF-8/);
    expect((await readFile(join(dir, "legacy.txt"))).equals(latin1)).toBe(true);
  });
});
