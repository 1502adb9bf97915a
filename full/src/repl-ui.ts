// Renders the agent's event stream in the terminal: streamed text, one line per tool call, a short
// result summary, notices, and the spinner whenever the agent is waiting on the model or a tool.
import { createLineWriter, summarizeInput } from "@lcc/s01";
import { type AgentEvent, INTERRUPTED_MESSAGE } from "@lcc/s02";
import type { Colors } from "./colors.ts";
import type { Spinner } from "./spinner.ts";

export interface ReplRenderer {
  (event: AgentEvent): void;
  /** Ends any partial line and stops the spinner (before printing the prompt or a command's output). */
  settle(): void;
}

/** One-line preview of a tool call's input: "4 items" for a plan, else the command, path or pattern. */
export function describeToolInput(name: string, input: unknown): string {
  const items = (input as { items?: unknown } | undefined)?.items;
  if (name === "todo_write" && Array.isArray(items))
    return `${items.length} item${items.length === 1 ? "" : "s"}`;
  return summarizeInput(input);
}

/** One-line summary of a tool result: its first line and how many more lines there were; reads say what they read. */
export function summarizeToolResult(name: string, output: string, details: unknown): string {
  const range = details as { totalLines?: unknown; from?: unknown; to?: unknown } | undefined;
  if (name === "read_file" && typeof range?.totalLines === "number") {
    const lines = (count: number) => `${count} line${count === 1 ? "" : "s"}`;
    if (typeof range.from !== "number" || typeof range.to !== "number")
      return `Read ${lines(range.totalLines)}`;
    const count = range.to - range.from + 1;
    if (count === range.totalLines) return `Read ${lines(count)}`;
    return `Read lines ${range.from}-${range.to} of ${range.totalLines}`;
  }
  return summarizeResult(output);
}

/** The first non-empty line of a tool output and how many more lines there were. */
export function summarizeResult(output: string, maxChars = 100): string {
  const lines = output.trimEnd().split("\n");
  const first = (lines.find((line) => line.trim() !== "") ?? "(no output)").trim();
  const shown = first.length > maxChars ? `${first.slice(0, maxChars - 1)}…` : first;
  const more = lines.length > 1 ? ` (+${lines.length - 1} lines)` : "";
  return shown + more;
}

export interface ReplRendererOptions {
  output: NodeJS.WritableStream;
  colors: Colors;
  spinner: Spinner;
  /** Renders events chapters added (plans, subagents, compactions); false when it does not own the event. */
  chapterEvents?: (event: AgentEvent) => boolean;
}

export function createReplRenderer(options: ReplRendererOptions): ReplRenderer {
  const { output, colors, spinner } = options;
  const { write, newline, assumeLineStart } = createLineWriter(output);
  /** Prints whole lines with the spinner out of the way, then redraws it as it was. */
  const printAbove = (print: () => void) => {
    const resume = spinner.pause();
    newline();
    print();
    resume();
  };
  const render = ((event: AgentEvent) => {
    switch (event.type) {
      case "turn_start":
        newline();
        spinner.start("Thinking…");
        return;
      case "text_delta":
        spinner.stop();
        write(event.text);
        return;
      case "turn_end":
        spinner.stop();
        return;
      case "tool_start":
        spinner.stop();
        newline();
        write(
          `${colors.green("⏺")} ${colors.bold(event.name)}${colors.dim(`(${describeToolInput(event.name, event.input)})`)}\n`,
        );
        spinner.start(`Running ${event.name}…`);
        return;
      case "tool_end": {
        spinner.stop();
        // The plan printed by s03's todo_update already says what todo_write did.
        if (event.name === "todo_write" && !event.isError) return;
        const interrupted =
          event.output === INTERRUPTED_MESSAGE || event.output.includes("[interrupted by user");
        const summary = interrupted
          ? colors.yellow("Interrupted by user")
          : event.isError
            ? colors.red(`Error: ${summarizeResult(event.output)}`)
            : colors.dim(summarizeToolResult(event.name, event.output, event.details));
        write(`  ${colors.dim("⎿")} ${summary} ${colors.gray(`${(event.durationMs / 1000).toFixed(1)}s`)}\n`);
        return;
      }
      case "notice":
        printAbove(() =>
          write(`${event.level === "warn" ? colors.yellow("⚠") : colors.dim("·")} ${event.text}\n`),
        );
        return;
      case "agent_end":
        spinner.stop();
        newline();
        if (event.reason === "max_turns")
          write(`${colors.yellow("⚠")} Stopped: the turn limit was reached.\n`);
        if (event.reason === "max_tokens")
          write(`${colors.yellow("⚠")} The answer hit the output token limit.\n`);
        return;
      case "compaction_start":
      case "compaction_end":
        // A full compaction is a model request of its own: spin while it runs.
        spinner.stop();
        printAbove(() => options.chapterEvents?.(event));
        assumeLineStart();
        if (event.type === "compaction_start" && event.kind === "full") spinner.start("Compacting…");
        return;
      default:
        printAbove(() => {
          if (options.chapterEvents?.(event)) assumeLineStart();
        });
        return;
    }
  }) as ReplRenderer;
  render.settle = () => {
    spinner.stop();
    newline();
  };
  return render;
}
