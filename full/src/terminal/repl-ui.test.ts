// The REPL renderer and spinner on plain streams: what a user reads for each kind of event, with the
// chapters' renderers (plans, compactions) and tool summaries taken from lcc's own setup.
import { PassThrough } from "node:stream";
import { createSetupContext, INTERRUPTED_MESSAGE, type PrinterSource, resolveSetup } from "@lcc/s02";
import { createTempWorkspace } from "@lcc/testkit";
import { captureOutput } from "@lcc/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFullSetup } from "../full-setup.ts";
import { createColors } from "./colors.ts";
import { createReplRenderer, summarizeToolResult } from "./repl-ui.ts";
import { createSpinner } from "./spinner.ts";

/** lcc's resolved setup (renderers and tool registry) on an empty workspace; no model is ever called. */
let lccSource: PrinterSource;
let cleanup = async () => {};
beforeAll(async () => {
  const workspace = await createTempWorkspace();
  cleanup = workspace.cleanup;
  lccSource = resolveSetup(
    await createFullSetup(createSetupContext(workspace.dir, { output: captureOutput(), env: {} })),
  );
});
afterAll(() => cleanup());

function setup() {
  const output = captureOutput();
  const colors = createColors(false);
  const spinner = createSpinner({ output, colors, enabled: false });
  const render = createReplRenderer({ output, colors, spinner, setup: () => lccSource });
  return { render, read: () => output.text() };
}

const toolEnd = { type: "tool_end" as const, id: "t", input: {}, durationMs: 1234, interrupted: false };

describe("the REPL renderer", () => {
  it("streams text, then shows each tool call on one line with a one-line result summary", () => {
    const { render, read } = setup();
    render({ type: "text_delta", text: "Let me look." });
    render({ type: "tool_start", id: "t", name: "bash", input: { command: "ls -la\nwc -l" } });
    render({ ...toolEnd, name: "bash", output: "a.txt\nb.txt\nc.txt\n[exit code 0]", isError: false });
    render({ type: "agent_end", reason: "end_turn" });
    expect(read()).toBe("Let me look.\n⏺ bash(ls -la wc -l)\n  ⎿ a.txt (+3 lines) 1.2s\n");
  });

  it("marks errors and interrupted calls differently, by the event's interrupted flag (never its text)", () => {
    const { render, read } = setup();
    render({ ...toolEnd, name: "edit_file", output: "old_text was not found in a.txt", isError: true });
    render({ ...toolEnd, name: "bash", output: "[partial output]", isError: true, interrupted: true });
    // A command that merely prints the words is an error like any other.
    render({ ...toolEnd, name: "bash", output: INTERRUPTED_MESSAGE, isError: true });
    expect(read().split("\n")).toEqual([
      "  ⎿ Error: old_text was not found in a.txt 1.2s",
      "  ⎿ Interrupted by user 1.2s",
      `  ⎿ Error: ${INTERRUPTED_MESSAGE} 1.2s`,
      "",
    ]);
  });

  it("summarises reads by their line range and plans by their size", () => {
    expect(summarizeToolResult("read_file", "", { totalLines: 1, from: 1, to: 1 })).toBe("Read 1 line");
    expect(summarizeToolResult("read_file", "", { totalLines: 900, from: 1, to: 200 })).toBe(
      "Read lines 1-200 of 900",
    );
    const { render, read } = setup();
    render({ type: "tool_start", id: "t", name: "todo_write", input: { items: [{}, {}, {}] } });
    expect(read()).toBe("⏺ todo_write(3 items)\n");
  });

  it("shows a plan through s03's renderer, in place of todo_write's result line", () => {
    const { render, read } = setup();
    render({ type: "todo_update", items: [], rendered: "[ ] Read the code\n[ ] Fix the bug" });
    render({ ...toolEnd, name: "todo_write", output: "Plan updated.", isError: false });
    expect(read()).toBe("  ⎿ [ ] Read the code\n    [ ] Fix the bug\n");
  });

  it("prints notices and says why a turn stopped early", () => {
    const { render, read } = setup();
    render({ type: "notice", source: "skills", text: "Skills available: greet" });
    render({ type: "agent_end", reason: "max_turns" });
    expect(read()).toBe("· Skills available: greet\n⚠ Stopped: the turn limit was reached.\n");
  });
});

describe("the REPL renderer with a live spinner", () => {
  function spinning() {
    const output = captureOutput();
    let now = 0;
    const colors = createColors(false);
    const spinner = createSpinner({ output, colors, enabled: true, now: () => now });
    const render = createReplRenderer({ output, colors, spinner, setup: () => lccSource });
    return { render, spinner, output, advance: (ms: number) => (now += ms) };
  }

  it("prints a notice above the spinner and redraws it with the same label and clock", () => {
    const { render, spinner, output, advance } = spinning();
    render({ type: "turn_start", turn: 1 });
    advance(2000);
    render({ type: "notice", source: "todo", text: "plan reminder sent" });
    expect(spinner.label()).toBe("Thinking…");
    expect(output.text()).toMatch(/· plan reminder sent\n\r\u001b\[2K⠙ Thinking… \(2\.0s/);
    spinner.stop();
  });

  it("prints s06's compaction lines and spins while a full compaction runs", () => {
    const { render, spinner, output } = spinning();
    render({ type: "compaction_start", kind: "full", trigger: "manual" });
    expect(spinner.label()).toBe("Compacting…");
    render({
      type: "compaction_end",
      kind: "full",
      trigger: "manual",
      ok: true,
      summaryChars: 1200,
      transcriptPath: ".lcc/transcripts/t.jsonl",
    });
    expect(spinner.isSpinning()).toBe(false);
    const lines = output.text().replace(/\r\u001b\[2K(⠋[^\r]*)?/g, "");
    expect(lines).toBe(
      "· compacting the conversation (manual)…\n" +
        "· compacted: history replaced by a 1,200-character summary; transcript at .lcc/transcripts/t.jsonl\n",
    );
  });

  it("never draws the spinner over a partial line of text", () => {
    const { render, spinner, output } = spinning();
    render({ type: "text_delta", text: "half a line" });
    render({ type: "turn_start", turn: 2 });
    expect(output.text()).toMatch(/^half a line\n\r\u001b\[2K/);
    spinner.stop();
  });
});

describe("the spinner", () => {
  it("draws its label, elapsed time and status on one line and erases it on stop", () => {
    const output = captureOutput();
    let now = 1000;
    const spinner = createSpinner({
      output,
      colors: createColors(false),
      enabled: true,
      status: () => "3.4k tokens",
      now: () => now,
    });
    spinner.start("Thinking…");
    now = 3500;
    spinner.stop();
    expect(output.text()).toBe(
      "\r\u001b[2K⠋ Thinking… (0.0s · 3.4k tokens · Ctrl-C to interrupt)\r\u001b[2K",
    );
    expect(spinner.isSpinning()).toBe(false);
  });

  it("does nothing when the output is not a terminal", () => {
    const output = new PassThrough();
    const spinner = createSpinner({ output, colors: createColors(false), enabled: false });
    spinner.start("Thinking…");
    expect(spinner.isSpinning()).toBe(false);
    expect(output.read()).toBeNull();
  });
});
