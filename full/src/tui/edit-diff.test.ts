// File edits show as numbered unified diffs read from the real file before and after the call; calls that
// failed, and files that cannot be shown, show none.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters as strip } from "node:util";
import { createTempWorkspace } from "@lcc/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { buildDiffRows, createEditDiffTracker, MAX_DIFF_FILE_BYTES } from "./edit-diff.ts";
import { createPrintedLines, type PrintedLine } from "./printed-lines.ts";

let workspace = "";
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir: workspace, cleanup } = await createTempWorkspace());
});
afterAll(() => cleanup());

const lines = (count: number, word = "line") =>
  Array.from({ length: count }, (_, index) => `${word} ${index + 1}`).join("\n");
const screen = (printed: PrintedLine[], width = 60) =>
  createPrintedLines(printed)
    .render(width)
    .map((row) => strip(row).trimEnd());

let calls = 0;
/** Runs `change` between a tool_start and a tool_end for `name` on `path`; returns the diff lines. */
function editCall(
  path: string,
  change: () => void,
  options: { name?: string; isError?: boolean; colors?: boolean } = {},
) {
  const tracker = createEditDiffTracker(workspace, createColors(options.colors ?? false));
  const id = `call-${++calls}`;
  const name = options.name ?? "edit_file";
  tracker.start({ type: "tool_start", id, name, input: { path } });
  change();
  const end = { type: "tool_end" as const, id, name, input: { path }, output: "ok", durationMs: 5 };
  return tracker.end({ ...end, isError: options.isError ?? false, interrupted: false });
}

describe("the edit diff", () => {
  it("numbers removed lines by the old file and added and unchanged lines by the new one", () => {
    writeFileSync(join(workspace, "a.ts"), `${lines(20)}\n`);
    const diff = editCall("a.ts", () =>
      writeFileSync(join(workspace, "a.ts"), `${lines(20).replace("line 10\n", "changed 10\nadded\n")}\n`),
    );
    expect(screen(diff)).toEqual([
      "     7   line 7",
      "     8   line 8",
      "     9   line 9",
      "    10 - line 10",
      "    10 + changed 10",
      "    11 + added",
      "    12   line 11",
      "    13   line 12",
      "    14   line 13",
    ]);
  });

  it("separates distant changes with a gap and wraps long lines under the text", () => {
    const before = lines(30);
    const after = before.replace("line 2\n", "two\n").replace("line 28\n", `${"long ".repeat(12)}\n`);
    writeFileSync(join(workspace, "b.txt"), before);
    const diff = screen(
      editCall("b.txt", () => writeFileSync(join(workspace, "b.txt"), after)),
      40,
    );
    expect(diff).toContain("     ⋮");
    expect(diff.slice(diff.indexOf("     ⋮") - 1, diff.indexOf("     ⋮") + 2)).toEqual([
      "     5   line 5",
      "     ⋮",
      "    25   line 25",
    ]);
    expect(diff.slice(-4, -2)).toEqual([
      "    28 + long long long long long long",
      "         long long long long long long",
    ]);
  });

  it("shows a new file's first lines as added, then how many more there are", () => {
    const diff = screen(
      editCall(
        "new/c.md",
        () => {
          mkdirSync(join(workspace, "new"), { recursive: true });
          writeFileSync(join(workspace, "new", "c.md"), lines(100));
        },
        { name: "write_file" },
      ),
    );
    expect(diff.slice(0, 2)).toEqual(["     1 + line 1", "     2 + line 2"]);
    expect(diff.at(-2)).toBe("    40 + line 40");
    expect(diff.at(-1)).toBe("    … +60 lines");
  });

  it("colours removed lines red and added lines green only when colours are on", () => {
    const path = join(workspace, "d.txt");
    writeFileSync(path, "old\n");
    const colored = editCall("d.txt", () => writeFileSync(path, "new\n"), { colors: true });
    expect(colored.map((line) => line.prefix + line.body)).toEqual([
      "    \u001b[31m1 -\u001b[39m \u001b[31mold\u001b[39m",
      "    \u001b[32m1 +\u001b[39m \u001b[32mnew\u001b[39m",
    ]);
    const plain = editCall("d.txt", () => writeFileSync(path, "newer\n"));
    expect(plain.map((line) => line.prefix + line.body)).toEqual(["    1 - new", "    1 + newer"]);
  });

  it("shows nothing for a failed call, another tool, an unchanged file or a file it must not read", () => {
    const path = join(workspace, "e.txt");
    writeFileSync(path, "one\n");
    expect(editCall("e.txt", () => writeFileSync(path, "two\n"), { isError: true })).toEqual([]);
    expect(editCall("e.txt", () => writeFileSync(path, "three\n"), { name: "bash" })).toEqual([]);
    expect(editCall("e.txt", () => {})).toEqual([]);
    writeFileSync(join(workspace, "big.txt"), "x".repeat(MAX_DIFF_FILE_BYTES + 1));
    expect(editCall("big.txt", () => writeFileSync(join(workspace, "big.txt"), "small"))).toEqual([]);
    writeFileSync(join(workspace, "bin.dat"), Buffer.from([1, 0, 2]));
    expect(editCall("bin.dat", () => writeFileSync(join(workspace, "bin.dat"), "text"))).toEqual([]);
    execFileSync("mkfifo", [join(workspace, "pipe")]);
    expect(editCall("pipe", () => {})).toEqual([]);
  });

  it("gives up on a diff that takes too long to compute", () => {
    const many = (word: string) => Array.from({ length: 30_000 }, (_, index) => `${word}${index}`).join("\n");
    const started = Date.now();
    expect(buildDiffRows(many("a"), many("b"))).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
