// Sorting what was submitted (command, !shell, #memory, message) and attaching `@path` mentions: files, folders,
// the caps, binary and missing files, and special files that are never opened.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { createTempWorkspace } from "@lcc/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MENTION_MAX_BYTES, MESSAGE_ATTACH_MAX_BYTES, readPromptInput } from "./prompt-input.ts";

let workspace: string;
let outside: string;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  const created = await createTempWorkspace({
    files: {
      "src/a.ts": "export const a = 1;\n",
      "src/b.ts": "export const b = 2;",
      "docs/my notes.md": "# Notes\n",
      "big.txt": "line of text!\n".repeat(30_000),
    },
  });
  workspace = created.dir;
  const other = await createTempWorkspace({ files: { "elsewhere.txt": "from outside\n" } });
  outside = other.dir;
  cleanups.push(created.cleanup, other.cleanup);
  await writeFile(join(workspace, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  await mkdir(join(workspace, "src", "nested"));
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const read = (text: string) => readPromptInput(text, { workspace });

describe("readPromptInput sorts the input", () => {
  it("takes /name as a command, but not a path", async () => {
    expect(await read("  /compact focus on tests ")).toEqual({
      kind: "command",
      line: "/compact focus on tests",
    });
    expect((await read("/tmp/x is odd")).kind).toBe("message");
  });

  it("takes !cmd as a shell command, multi-line kept", async () => {
    expect(await read("!ls -la")).toEqual({ kind: "shell", command: "ls -la" });
    expect(await read("! echo a\necho b")).toEqual({ kind: "shell", command: "echo a\necho b" });
    expect((await read("!")).kind).toBe("message");
  });

  it("takes a one-line #text as a memory, and a pasted Markdown document as a message", async () => {
    expect(await read("# always use tabs")).toEqual({ kind: "memory", text: "always use tabs" });
    expect((await read("# Title\n\nbody")).kind).toBe("message");
    expect((await read("#")).kind).toBe("message");
  });

  it("sends plain text as it is when nothing is mentioned", async () => {
    expect(await read("fix the test\nplease")).toEqual({
      kind: "message",
      content: "fix the test\nplease",
      attached: [],
      problems: [],
    });
  });
});

describe("@ mentions", () => {
  it("attaches a mentioned file after the text, each file once", async () => {
    const input = await read("compare @src/a.ts and @src/b.ts, then @./src/a.ts again");
    expect(input).toEqual({
      kind: "message",
      content: [
        { type: "text", text: "compare @src/a.ts and @src/b.ts, then @./src/a.ts again" },
        { type: "text", text: '<file path="src/a.ts">\nexport const a = 1;\n</file>' },
        { type: "text", text: '<file path="src/b.ts">\nexport const b = 2;\n</file>' },
      ],
      attached: ["src/a.ts", "src/b.ts"],
      problems: [],
    });
  });

  it("reads quoted paths with spaces, absolute paths and paths outside the workspace", async () => {
    const input = await read(`see @"docs/my notes.md" and @${join(outside, "elsewhere.txt")}`);
    expect(input.kind === "message" && input.attached).toEqual([
      "docs/my notes.md",
      join(outside, "elsewhere.txt"),
    ]);
  });

  it("expands ~/ to the home folder and escapes the path in the block", async () => {
    const home = process.env.HOME;
    process.env.HOME = outside;
    try {
      const input = await read("@~/elsewhere.txt");
      expect(input.kind === "message" && input.attached).toEqual([join(outside, "elsewhere.txt")]);
    } finally {
      process.env.HOME = home;
    }
    await writeFile(join(workspace, "R&D<1>.txt"), "r");
    expect(await read("@R&D<1>.txt")).toMatchObject({
      content: [{}, { text: '<file path="R&amp;D&lt;1>.txt">\nr\n</file>' }],
    });
  });

  it("does not take an e-mail address for a mention", async () => {
    expect(await read("mail me@src/a.ts")).toMatchObject({ content: "mail me@src/a.ts", problems: [] });
  });

  it("lists a mentioned folder, sub-folders marked", async () => {
    const input = await read("what is in @src");
    expect(input).toMatchObject({
      attached: ["src/"],
      content: [{}, { type: "text", text: '<directory path="src/">\na.ts\nb.ts\nnested/\n</directory>' }],
    });
  });

  it("says which mentions are missing or binary and sends the text anyway", async () => {
    const input = await read("look at @nope.ts and @image.png");
    expect(input).toEqual({
      kind: "message",
      content: "look at @nope.ts and @image.png",
      attached: [],
      problems: ["@nope.ts: no such file", "@image.png: binary file, not attached"],
    });
  });

  it("cuts a big file at a line end and says so, to the model and to the user", async () => {
    const input = await read("summarise @big.txt");
    if (input.kind !== "message" || typeof input.content === "string") throw new Error("not attached");
    const block = input.content[1];
    const text = block?.type === "text" ? block.text : "";
    expect(Buffer.byteLength(text)).toBeLessThan(MENTION_MAX_BYTES + 200);
    expect(text).toMatch(/\nline of text!\n\[… cut: the first 256 KB of 410 KB shown\]\n<\/file>$/);
    expect(input.problems).toEqual(["@big.txt: cut to its first 256 KB of 410 KB"]);
  });

  it("stops attaching once the message carries MESSAGE_ATTACH_MAX_BYTES", async () => {
    const count = MESSAGE_ATTACH_MAX_BYTES / MENTION_MAX_BYTES + 1;
    const names = Array.from({ length: count }, (_, index) => `chunk-${index}.txt`);
    for (const name of names) await writeFile(join(workspace, name), "x".repeat(MENTION_MAX_BYTES - 1));
    const input = await read(names.map((name) => `@${name}`).join(" "));
    expect(input.kind === "message" && input.attached).toHaveLength(count - 1);
    expect(input.kind === "message" && input.problems).toEqual([
      `@chunk-${count - 1}.txt: not attached: over the 1024 KB one message may carry`,
    ]);
  });
});

describe("special files", () => {
  it("refuses a device and a symlink to one", async () => {
    await symlink("/dev/zero", join(workspace, "zeros"));
    const input = await read("@/dev/zero @zeros");
    expect(input.kind === "message" && input.problems).toEqual([
      "@/dev/zero: not a regular file (a FIFO, socket or device is never read)",
      "@zeros: not a regular file (a FIFO, socket or device is never read)",
    ]);
  });

  it("never opens a FIFO: a writer waiting on it stays blocked", async () => {
    const fifo = join(workspace, "pipe");
    await promisify(execFile)("mkfifo", [fifo]);
    // The shell's open() for writing returns only once someone opens the FIFO for reading.
    const writer: ChildProcess = spawn("sh", ["-c", `echo hi > '${fifo}'`], { stdio: "ignore" });
    const exited = new Promise((resolve) => writer.on("exit", () => resolve("exited")));
    try {
      const input = await read("what is in @pipe");
      expect(input.kind === "message" && input.problems).toEqual([
        "@pipe: not a regular file (a FIFO, socket or device is never read)",
      ]);
      const outcome = await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(resolve, 300, "blocked")),
      ]);
      expect(outcome).toBe("blocked");
    } finally {
      writer.kill("SIGKILL");
    }
  });
});
