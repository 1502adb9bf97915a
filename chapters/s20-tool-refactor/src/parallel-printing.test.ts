// chapter-kit's printer with overlapping calls: every result line names its call once calls overlap (their
// results come in finish order, after all the starts); a call that ran alone keeps the plain result line.
import { createEventPrinter } from "@lcc/chapter-kit";
import { type AgentEvent, createTerminalPrinter, type EventRenderer } from "@lcc/s02";
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

  it("knows a call ended when a chapter's renderer showed its end, so the next call is not named", () => {
    const output = captureOutput();
    const found: EventRenderer = (event) =>
      event.type === "tool_end" && event.name === "tool_search" ? ["  ⎿ 3 tools found"] : undefined;
    const print = createTerminalPrinter(output, () => ({ renderers: [found] }));
    const search = { type: "tool_start", id: "t1", name: "tool_search", input: { query: "cron" } } as const;
    const events: AgentEvent[] = [
      search,
      { ...search, type: "tool_end", output: "…", isError: false, interrupted: false, durationMs: 1 },
      { ...start("t2", "a.txt"), type: "tool_start" },
      { ...end("t2", "A"), type: "tool_end", input: {}, interrupted: false, durationMs: 1 },
    ];
    for (const event of events) print(event);
    expect(output.text()).toContain("  ⎿ 3 tools found\n⏺ read_file(a.txt)\n  ⎿ A\n");
  });
});
