// The input history file: multi-line entries survive a round trip, old plain lines still load, an
// overgrown file is cut back, and a FIFO at the path never hangs the prompt.
import { execFile } from "node:child_process";
import {
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { bundleScript, createTempWorkspace } from "@lcc/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendInputHistory,
  HISTORY_LINES,
  HISTORY_MAX_BYTES,
  HISTORY_MAX_ENTRY_BYTES,
  loadInputHistory,
} from "./input-history.ts";

let dir: string;
let cleanup: () => Promise<void>;
let fileCount = 0;
beforeAll(async () => {
  ({ dir, cleanup } = await createTempWorkspace());
});
afterAll(() => cleanup());

/** A fresh history path in the temp folder. */
const newPath = (): string => join(dir, `history-${++fileCount}`);

describe("input history", () => {
  it("keeps multi-line entries whole and loads them newest last", () => {
    const path = newPath();
    appendInputHistory(path, "first");
    appendInputHistory(path, "line one\nline two\n  indented");
    appendInputHistory(path, 'quotes " and \\ backslash');
    expect(loadInputHistory(path)).toEqual([
      "first",
      "line one\nline two\n  indented",
      'quotes " and \\ backslash',
    ]);
    expect(readFileSync(path, "utf8").split("\n")).toHaveLength(4);
  });

  it("creates the file private to the user", () => {
    const path = newPath();
    appendInputHistory(path, "secret-ish");
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("skips blank entries and entries too big to be worth recalling", () => {
    const path = newPath();
    appendInputHistory(path, "  \n ");
    appendInputHistory(path, "x".repeat(HISTORY_MAX_ENTRY_BYTES + 1));
    appendInputHistory(path, "kept");
    expect(loadInputHistory(path)).toEqual(["kept"]);
  });

  it("still reads the plain lines older versions wrote", () => {
    const path = newPath();
    writeFileSync(path, 'old prompt\n\n"not closed\n');
    appendInputHistory(path, "new\nprompt");
    expect(loadInputHistory(path)).toEqual(["old prompt", '"not closed', "new\nprompt"]);
  });

  it("cuts a file past twice HISTORY_LINES back to the newest HISTORY_LINES, atomically", () => {
    const path = newPath();
    const entries = Array.from({ length: 2 * HISTORY_LINES + 1 }, (_, index) => `prompt ${index}\nmore`);
    for (const entry of entries) appendInputHistory(path, entry);
    const loaded = loadInputHistory(path);
    expect(loaded).toEqual(entries.slice(-HISTORY_LINES));
    expect(readFileSync(path, "utf8").trimEnd().split("\n")).toHaveLength(HISTORY_LINES);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("leaves a file of exactly twice HISTORY_LINES alone but loads only the newest", () => {
    const path = newPath();
    const lines = Array.from({ length: 2 * HISTORY_LINES }, (_, index) => `prompt ${index}`);
    writeFileSync(path, `${lines.join("\n")}\n`);
    expect(loadInputHistory(path)).toEqual(lines.slice(-HISTORY_LINES));
    expect(readFileSync(path, "utf8").trimEnd().split("\n")).toHaveLength(2 * HISTORY_LINES);
  });

  it("reads only the end of a huge file, drops the partial first line and cuts the file back", () => {
    const path = newPath();
    const big = `${"y".repeat(HISTORY_MAX_BYTES)}\n`;
    writeFileSync(path, `${big}${JSON.stringify("last one")}\n`);
    expect(loadInputHistory(path)).toEqual(["last one"]);
    expect(readFileSync(path, "utf8")).toBe('"last one"\n');
  });

  it("treats a missing file or a directory at the path as no history", () => {
    expect(loadInputHistory(join(dir, "missing"))).toEqual([]);
    const folder = join(dir, "a-folder");
    mkdirSync(folder);
    expect(loadInputHistory(folder)).toEqual([]);
    appendInputHistory(folder, "nowhere");
    expect(statSync(folder).isDirectory()).toBe(true);
  });

  it("never hangs on a FIFO at the path, reading or appending", async () => {
    const path = join(dir, "fifo");
    await promisify(execFile)("mkfifo", [path]);
    // In a child: a blocking open would hang the test worker itself, beyond any vitest timeout. Plain node on
    // a bundle of the module (testkit's bundleScript), not tsx.
    const bundle = await bundleScript(join(import.meta.dirname, "input-history.ts"));
    const script = `
      import { appendInputHistory, loadInputHistory } from ${JSON.stringify(pathToFileURL(bundle).href)};
      appendInputHistory(${JSON.stringify(path)}, "entry");
      console.log(JSON.stringify(loadInputHistory(${JSON.stringify(path)})));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--input-type=module", "--eval", script],
      {
        timeout: 15_000,
      },
    );
    expect(stdout.trim()).toBe("[]");
    expect(statSync(path).isFIFO()).toBe(true);
  });

  it("writes nothing into a FIFO even when something reads it", async () => {
    const path = join(dir, "fifo-read");
    await promisify(execFile)("mkfifo", [path]);
    const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      appendInputHistory(path, "should not leak");
      // With no writer left, reading gives end-of-file at once, or whatever was written.
      expect(readSync(reader, Buffer.alloc(100))).toBe(0);
    } finally {
      closeSync(reader);
    }
  });
});
