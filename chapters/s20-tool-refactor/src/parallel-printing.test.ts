// chapter-kit's printer with overlapping calls: every result line names its call once calls overlap (their
// results come in finish order, after all the starts); a call that ran alone keeps the plain result line.
import { createEventPrinter } from "@lcc/chapter-kit";
import { captureOutput } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";

const start = (id: string, path: string) => ({ type: "tool_start", id, name: "read_file", input: { path } });
const end = (id: string, output: string, isError = false) => ({
  type: "tool_end",
  id,
  name: "read_file",
  output,
  isError,
});

describe("printing tool calls that overlap", () => {
  it("names the call on each result line when calls overlap, in the order they finish", () => {
    const output = captureOutput();
    const print = createEventPrinter(output);
    for (const event of [
      start("t1", "a.txt"),
      start("t2", "b.txt"),
      end("t2", "bee"),
      end("t1", "no such file", true),
      start("t3", "c.txt"),
      end("t3", "sea"),
    ])
      print(event);
    expect(output.text()).toBe(
      [
        "⏺ read_file(a.txt)",
        "⏺ read_file(b.txt)",
        "  ⎿ read_file(b.txt): bee",
        "  ⎿ read_file(a.txt): error: no such file",
        "⏺ read_file(c.txt)",
        "  ⎿ sea",
        "",
      ].join("\n"),
    );
  });

  it("names a call that started alone once another starts before it ends", () => {
    const output = captureOutput();
    const print = createEventPrinter(output);
    for (const event of [start("t1", "a.txt"), start("t2", "b.txt"), end("t1", "A"), end("t2", "B")])
      print(event);
    expect(output.text()).toContain("  ⎿ read_file(a.txt): A\n  ⎿ read_file(b.txt): B\n");
  });
});
