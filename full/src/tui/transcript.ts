// The conversation as TUI components: the user's messages, the answer streaming as Markdown, one line per
// tool call with its result (long output folded, file edits as diffs), notices and the chapters' own lines.
import { type AgentEvent, type PrinterSource, renderWith } from "@lcc/s02";
import type { Component } from "@mariozechner/pi-tui";
import type { Colors } from "../terminal/colors.ts";
import { describeToolInput, summarizeResult, summarizeToolResult } from "../terminal/repl-ui.ts";
import { createEditDiffTracker } from "./edit-diff.ts";
import { foldOutput } from "./fold-output.ts";
import { loadHighlighter } from "./highlight.ts";
import { createPrintedLines, type PrintedLine, sanitizeTerminalText } from "./printed-lines.ts";
import { createStreamingMarkdown, type StreamingMarkdown } from "./streaming-markdown.ts";
import { createTuiTheme } from "./theme.ts";

/** Lines of a tool's output shown under its result line before "… +N lines". */
export const FOLDED_OUTPUT_LINES = 3;
/** The highlighter starts loading this long after the transcript is made, if it was not drawn before. */
const HIGHLIGHTER_DELAY_MS = 50;

export interface TranscriptOptions {
  colors: Colors;
  /** Where edit_file/write_file paths resolve, for their diffs. */
  workspace: string;
  /** The current conversation's renderers and tools (they change on /clear). */
  setup?: () => PrinterSource;
  /** Called after every change; the TUI coalesces the renders. */
  requestRender(): void;
  /** Not used: the transcript lays its rows out at the width `render(width)` is given. */
  width?: () => number;
}

export interface Transcript {
  /** Everything finished and the answer streaming now. */
  readonly component: Component;
  /** Shows an agent event (the chapters' renderers first, as in the REPL). */
  render(event: AgentEvent): void;
  /** Shows command output or lcc's own lines; colour codes are kept, a final newline is dropped. */
  print(text: string): void;
  /** Shows the user's message: "❯ " before the first line, the others indented under it. */
  user(text: string): void;
}

/** Blocks that start a new message get a blank row above them; the rest attach to what came before. */
type BlockKind = "user" | "answer" | "call" | "attached";

const BLANK_ROW: Component = { render: () => [""], invalidate: () => {} };

/**
 * A transcript that renders into `component`. With colours on it starts loading the code highlighter right
 * after it is first drawn, or HIGHLIGHTER_DELAY_MS after it is made: never before the first frame.
 */
export function createTranscript(options: TranscriptOptions): Transcript {
  const { colors } = options;
  const theme = createTuiTheme(colors).markdown;
  const loadHighlighterIn = (delayMs: number) => {
    if (colors.enabled) setTimeout(() => loadHighlighter().catch(() => {}), delayMs).unref();
  };
  loadHighlighterIn(HIGHLIGHTER_DELAY_MS);
  let drawn = false;
  const diffs = createEditDiffTracker(options.workspace, colors);
  const blocks: Component[] = [];
  /** The answer streaming now: always the last block while it is set. */
  let answer: StreamingMarkdown | undefined;
  /** Rows of the blocks before the streaming answer, per width (never mutated: a new array when it grows). */
  let settled = { width: -1, count: 0, rows: [] as string[] };

  /**
   * Lines that arrive while an answer streams (a background command ended, a notice): they wait and go
   * below the answer when it ends, so an answer is never split mid-sentence.
   */
  const asides: Component[] = [];
  const place = (block: Component, kind: BlockKind) => {
    if (kind !== "attached" && blocks.length > 0) blocks.push(BLANK_ROW);
    blocks.push(block);
  };

  /** The answer so far is final: its unfinished tail renders as Markdown now, the asides follow it. */
  const endAnswer = () => {
    if (!answer) return;
    answer.finish();
    answer = undefined;
    for (const aside of asides.splice(0)) place(aside, "attached");
    options.requestRender();
  };
  const add = (block: Component, kind: BlockKind) => {
    if (answer && kind === "attached") {
      asides.push(block);
      return;
    }
    endAnswer();
    place(block, kind);
    options.requestRender();
  };
  const addLines = (lines: (PrintedLine | string)[], kind: BlockKind) => {
    if (lines.length > 0) add(createPrintedLines(lines), kind);
  };

  /** Streams answer text; whitespace before an answer's first visible character is dropped (no empty block). */
  const stream = (text: string) => {
    if (!answer) {
      if (text.trim() === "") return;
      const next = createStreamingMarkdown(theme);
      add(next, "answer"); // ends the previous answer, if any, before this one becomes current
      answer = next;
    }
    answer.append(text);
    options.requestRender();
  };

  const toolResult = (event: Extract<AgentEvent, { type: "tool_end" }>): PrintedLine[] => {
    const output = sanitizeTerminalText(event.output);
    const summary = event.interrupted
      ? colors.yellow("Interrupted by user")
      : event.isError
        ? colors.red(`Error: ${summarizeResult(output)}`)
        : colors.dim(summarizeToolResult(event.name, output, event.details));
    const seconds = colors.gray(`${(event.durationMs / 1000).toFixed(1)}s`);
    const lines: PrintedLine[] = [{ prefix: `  ${colors.dim("⎿")} `, body: `${summary} ${seconds}` }];
    const diff = diffs.end(event);
    if (diff.length > 0) return [...lines, ...diff];
    // A read says what it read; its content is for the model, not the screen.
    if (event.interrupted || (event.name === "read_file" && !event.isError)) return lines;
    const rest = foldOutput(afterFirstLine(output), { maxLines: FOLDED_OUTPUT_LINES, colors });
    return [...lines, ...rest.map((line) => ({ prefix: "    ", body: line, truncate: true }))];
  };

  const render = (event: AgentEvent) => {
    const source = options.setup?.();
    const lines = source ? renderWith(source.renderers, event) : undefined;
    if (lines) {
      if (event.type === "tool_end") diffs.end(event);
      const split = lines.flatMap((line) => sanitizeTerminalText(line, { keepStyles: true }).split("\n"));
      addLines(split, "attached");
      return;
    }
    switch (event.type) {
      case "text_delta":
        stream(event.text);
        return;
      case "turn_end":
        endAnswer();
        return;
      case "tool_start": {
        diffs.start(event);
        const input = sanitizeTerminalText(describeToolInput(event.name, event.input, source));
        const body = `${colors.bold(event.name)}${colors.dim(`(${input})`)}`;
        addLines([{ prefix: `${colors.green("⏺")} `, body }], "call");
        return;
      }
      case "tool_end":
        addLines(toolResult(event), "attached");
        return;
      case "notice": {
        const mark = event.level === "warn" ? colors.yellow("⚠") : colors.dim("·");
        addLines(
          [{ prefix: `${mark} `, body: sanitizeTerminalText(event.text, { keepStyles: true }) }],
          "attached",
        );
        return;
      }
      case "agent_end": {
        endAnswer();
        const reason = describeEndReason(event);
        if (reason) addLines([{ prefix: `${colors.yellow("⚠")} `, body: reason }], "attached");
        return;
      }
      default:
        return;
    }
  };

  const component: Component = {
    render(width) {
      if (!drawn) {
        drawn = true;
        loadHighlighterIn(0); // after this frame is written: the grammars take tens of ms to evaluate
      }
      if (settled.width !== width) settled = { width, count: 0, rows: [] };
      const count = answer ? blocks.length - 1 : blocks.length;
      if (settled.count < count) {
        const added = blocks.slice(settled.count, count).flatMap((block) => block.render(width));
        settled = { width, count, rows: settled.rows.concat(added) };
      }
      return answer ? [...settled.rows, ...answer.render(width)] : settled.rows;
    },
    invalidate() {
      settled = { width: -1, count: 0, rows: [] };
      for (const block of blocks) block.invalidate();
    },
  };

  return {
    component,
    render,
    print(text) {
      const lines = sanitizeTerminalText(text, { keepStyles: true }).replace(/\n$/, "").split("\n");
      addLines(lines, "attached");
    },
    user(text) {
      const [first = "", ...rest] = sanitizeTerminalText(text).split("\n");
      const prompt = `${colors.bold(colors.cyan("❯"))} `;
      addLines(
        [{ prefix: prompt, body: first }, ...rest.map((line) => ({ prefix: "  ", body: line }))],
        "user",
      );
    },
  };
}

/** What follows a result's first non-empty line (that line is the summary). */
function afterFirstLine(output: string): string {
  const lines = output.trimEnd().split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  return lines.slice(first + 1).join("\n");
}

/** Why a run stopped early, as the REPL says it; undefined for the ordinary ends. */
function describeEndReason(event: Extract<AgentEvent, { type: "agent_end" }>): string | undefined {
  if (event.reason === "max_turns") return "Stopped: the turn limit was reached.";
  if (event.reason === "max_tokens") return "The answer hit the output token limit.";
  if (event.reason === "stopped") return `Stopped: ${event.detail ?? "a hook ended the turn"}.`;
  return undefined;
}
