// The transcript on lcc's own setup (its renderers and tool summaries): what a user reads for a realistic
// turn, the REPL's lines kept, long output folded, edits shown as diffs, and rows that never change once
// they are finished.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters as strip } from "node:util";
import { type AgentEvent, createSetupContext, type PrinterSource, resolveSetup } from "@lcc/s02";
import { createTempWorkspace } from "@lcc/testkit";
import { captureOutput } from "@lcc/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFullSetup } from "../full-setup.ts";
import { createColors } from "../terminal/colors.ts";
import { loadHighlighter } from "./highlight.ts";
import { createTranscript } from "./transcript.ts";

/** lcc's resolved setup (renderers and tool registry) on a temp workspace; no model is ever called. */
let lccSource: PrinterSource;
let workspace = "";
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir: workspace, cleanup } = await createTempWorkspace());
  lccSource = resolveSetup(
    await createFullSetup(createSetupContext(workspace, { output: captureOutput(), env: {} })),
  );
  await loadHighlighter();
});
afterAll(() => cleanup());

function setup(options: { colors?: boolean } = {}) {
  let renders = 0;
  const transcript = createTranscript({
    colors: createColors(options.colors ?? false),
    workspace,
    setup: () => lccSource,
    requestRender: () => renders++,
  });
  const screen = (width = 60) => transcript.component.render(width).map((row) => strip(row).trimEnd());
  return { transcript, screen, renders: () => renders };
}

const toolEnd = {
  type: "tool_end" as const,
  input: {},
  durationMs: 1234,
  interrupted: false,
  isError: false,
};

/** Streams `text` as text deltas of `size` characters. */
function streamText(render: (event: AgentEvent) => void, text: string, size = 5): void {
  for (let index = 0; index < text.length; index += size)
    render({ type: "text_delta", text: text.slice(index, index + size) });
}

/** A turn_end event; the transcript reads only its type. */
const turnEnd = (turn: number): AgentEvent => ({
  type: "turn_end",
  turn,
  message: { role: "assistant", content: [] } as unknown as Extract<
    AgentEvent,
    { type: "turn_end" }
  >["message"],
});

const answerText = [
  "I'll run the tests.",
  "",
  "```ts",
  "const lines = text.split('\\n');",
  "```",
  "",
  "| test | result |",
  "| --- | --- |",
  "| parse | fails |",
  "",
].join("\n");

describe("the transcript", () => {
  it("shows a realistic turn: streamed Markdown, a folded long output and an edit with line numbers", () => {
    const { transcript, screen } = setup();
    const { render } = transcript;
    const file = join(workspace, "parse.ts");
    const source = (body: string) =>
      `export function parse(text: string) {\n  const lines = text.split('\\n');\n  ${body}\n}\n`;
    writeFileSync(file, source("return lines.slice(0, -1);"));
    transcript.user("fix the failing test\nin parse.ts");
    render({ type: "agent_start" });
    render({ type: "turn_start", turn: 1 });
    streamText(render, answerText);
    render({ type: "tool_start", id: "t1", name: "bash", input: { command: "npm test" } });
    const failures = Array.from({ length: 40 }, (_, index) => `  at line ${index + 1}`);
    render({ ...toolEnd, id: "t1", name: "bash", output: ["3 failed", ...failures].join("\n") });
    render({ type: "tool_start", id: "t2", name: "edit_file", input: { path: "parse.ts" } });
    writeFileSync(file, source("return lines;"));
    render({ ...toolEnd, id: "t2", name: "edit_file", output: "Edited parse.ts: 1 replacement." });
    render(turnEnd(1));
    render({ type: "turn_start", turn: 2 });
    streamText(render, "Fixed: `parse` keeps the **last** line.", 3);
    render(turnEnd(2));
    render({ type: "agent_end", reason: "end_turn" });
    const hidden = Buffer.byteLength(failures.slice(3).join("\n"));
    expect(screen()).toEqual([
      "❯ fix the failing test",
      "  in parse.ts",
      "",
      "I'll run the tests.",
      "",
      "```ts",
      "  const lines = text.split('\\n');",
      "```",
      "",
      "┌───────┬────────┐",
      "│ test  │ result │",
      "├───────┼────────┤",
      "│ parse │ fails  │",
      "└───────┴────────┘",
      "",
      "⏺ bash(npm test)",
      "  ⎿ 3 failed (+40 lines) 1.2s",
      "      at line 1",
      "      at line 2",
      "      at line 3",
      `    … +37 lines (${hidden} B)`,
      "",
      "⏺ edit_file(parse.ts)",
      "  ⎿ Edited parse.ts: 1 replacement. 1.2s",
      "    1   export function parse(text: string) {",
      "    2     const lines = text.split('\\n');",
      "    3 -   return lines.slice(0, -1);",
      "    3 +   return lines;",
      "    4   }",
      "",
      "Fixed: parse keeps the last line.",
    ]);
  });

  it("never changes a finished row while the turn goes on, and asks for a render at each change", () => {
    const { transcript, screen, renders } = setup();
    const screens: string[][] = [];
    const render = (event: AgentEvent) => {
      transcript.render(event);
      screens.push(screen(40));
    };
    transcript.user("go");
    streamText(render, `${answerText}\nThen a tail **in progress`, 2);
    render({ type: "tool_start", id: "t", name: "bash", input: { command: "ls" } });
    render({ ...toolEnd, id: "t", name: "bash", output: "a\nb" });
    streamText(render, "More.", 2);
    render({ type: "agent_end", reason: "end_turn" });
    const final = screen(40);
    for (const rows of screens) {
      const finished = rows.slice(0, rows.lastIndexOf(""));
      expect(final.slice(0, finished.length)).toEqual(finished);
    }
    expect(final).toContain("Then a tail **in progress");
    expect(renders()).toBeGreaterThanOrEqual(screens.length);
  });

  it("ends the answer at a tool call or a turn's end, so the next text starts a new block", () => {
    const { transcript, screen, renders } = setup();
    streamText(transcript.render, "First **bold**");
    const before = renders();
    transcript.render(turnEnd(1));
    expect(renders()).toBe(before + 1); // the tail turned into Markdown: the screen must show it
    streamText(transcript.render, "Second");
    transcript.render({ type: "tool_start", id: "t", name: "bash", input: { command: "ls" } });
    streamText(transcript.render, "Third");
    expect(screen()).toEqual(["First bold", "", "Second", "", "⏺ bash(ls)", "", "Third"]);
  });

  it("holds a notice that arrives mid-answer until the answer ends: the answer is never split", () => {
    const { transcript, screen } = setup();
    streamText(transcript.render, "The build");
    transcript.render({ type: "notice", source: "background", text: "b1 finished" });
    transcript.print("printed meanwhile\n");
    streamText(transcript.render, " is done.");
    expect(screen()).toEqual(["The build is done."]);
    transcript.render(turnEnd(1));
    expect(screen()).toEqual(["The build is done.", "· b1 finished", "printed meanwhile"]);
  });

  it("adds no empty block for whitespace streamed before an answer", () => {
    const { transcript, screen } = setup();
    transcript.render({ type: "tool_start", id: "a", name: "bash", input: { command: "a" } });
    transcript.render({ type: "text_delta", text: "\n\n" });
    transcript.render({ type: "tool_start", id: "b", name: "bash", input: { command: "b" } });
    expect(screen()).toEqual(["⏺ bash(a)", "", "⏺ bash(b)"]);
  });
});

describe("the transcript keeps the REPL's lines", () => {
  it("shows each tool call on one line with a one-line result summary", () => {
    const { transcript, screen } = setup();
    transcript.render({ type: "tool_start", id: "t", name: "bash", input: { command: "ls -la\nwc -l" } });
    transcript.render({ ...toolEnd, id: "t", name: "bash", output: "a.txt\nb.txt\nc.txt\n[exit code 0]" });
    expect(screen()).toEqual([
      "⏺ bash(ls -la wc -l)",
      "  ⎿ a.txt (+3 lines) 1.2s",
      "    b.txt",
      "    c.txt",
      "    [exit code 0]",
    ]);
  });

  it("marks errors and interrupted calls by the event's flags, and says what a read read", () => {
    const { transcript, screen } = setup();
    transcript.render({
      ...toolEnd,
      id: "a",
      name: "edit_file",
      output: "old_text was not found",
      isError: true,
    });
    transcript.render({
      ...toolEnd,
      id: "b",
      name: "bash",
      output: "partial\nmore",
      isError: true,
      interrupted: true,
    });
    transcript.render({
      ...toolEnd,
      id: "c",
      name: "read_file",
      output: "1\n2\n3",
      details: { totalLines: 3 },
    });
    expect(screen()).toEqual([
      "  ⎿ Error: old_text was not found 1.2s",
      "  ⎿ Interrupted by user 1.2s",
      "  ⎿ Read 3 lines 1.2s",
    ]);
  });

  it("shows chapters' lines as they come: a plan, a subagent's calls indented under its own, a teammate's tagged", () => {
    const { transcript, screen } = setup();
    const { render } = transcript;
    render({ type: "tool_start", id: "p", name: "todo_write", input: { items: [{}, {}] } });
    render({ type: "todo_update", items: [], rendered: "[ ] Read the code\n[ ] Fix the bug" });
    render({ ...toolEnd, id: "p", name: "todo_write", output: "Plan updated." });
    render({ type: "tool_start", id: "s", name: "agent", input: { description: "look around" } });
    const child = { parentToolUseId: "s", agentType: "explore" };
    render({ type: "subagent_start", ...child, description: "look", model: "haiku", tools: ["read_file"] });
    const read = { id: "c", name: "read_file", input: { path: "a.ts" } };
    render({ type: "subagent_event", ...child, event: { type: "tool_start", ...read } });
    render({ type: "teammate_event", name: "alice", event: { type: "tool_start", ...read } });
    expect(screen()).toEqual([
      "⏺ todo_write(2 items)",
      "  ⎿ [ ] Read the code",
      "    [ ] Fix the bug",
      "",
      "⏺ agent(general: look around)",
      "  ├ explore subagent · haiku · tools: read_file",
      "  │ ⏺ read_file(a.ts)",
      "[alice] ⏺ read_file(a.ts)",
    ]);
  });

  it("prints notices, why a run stopped early, command output and the user's messages", () => {
    const { transcript, screen } = setup();
    transcript.render({ type: "notice", source: "skills", text: "Skills available: greet" });
    transcript.render({ type: "notice", source: "x", text: "careful", level: "warn" });
    transcript.render({ type: "agent_end", reason: "max_turns" });
    transcript.render({ type: "agent_end", reason: "stopped", detail: "a doom loop" });
    transcript.print("Commands:\n  /help  this list\n");
    transcript.user("two\nlines");
    expect(screen()).toEqual([
      "· Skills available: greet",
      "⚠ careful",
      "⚠ Stopped: the turn limit was reached.",
      "⚠ Stopped: a doom loop.",
      "Commands:",
      "  /help  this list",
      "",
      "❯ two",
      "  lines",
    ]);
  });
});
