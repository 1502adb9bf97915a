// Renders the agent's event stream in the terminal: streamed text, one line per tool call, a short
// result summary, notices, and the spinner whenever the agent is waiting on the model or a tool.
import { countOf, createLineWriter, summarizeInput } from "@lcc/chapter-kit";
import { type AgentEvent, type PrinterSource, renderWith, toolCallSummary } from "@lcc/s02";
import type { Colors } from "./colors.ts";
import type { Spinner } from "./spinner.ts";

export interface ReplRenderer {
  (event: AgentEvent): void;
  /** Ends any partial line and stops the spinner (before printing the prompt or a command's output). */
  settle(): void;
}

/** One-line preview of a tool call's input: the tool's own summary ("4 items" for a plan), else the main field. */
export function describeToolInput(name: string, input: unknown, source?: PrinterSource): string {
  return toolCallSummary(source?.registry, name, input) ?? summarizeInput(input);
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
  const more = lines.length > 1 ? ` (+${countOf(lines.length - 1, "line")})` : "";
  return shown + more;
}

export interface ReplRendererOptions {
  output: NodeJS.WritableStream;
  colors: Colors;
  spinner: Spinner;
  /** The current conversation's renderers (plans, subagents, compactions) and tools. */
  setup?: () => PrinterSource;
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
    const source = options.setup?.();
    const lines = source ? renderWith(source.renderers, event) : undefined;
    if (lines) {
      // A full compaction is a model request of its own: spin while it runs.
      if (event.type === "compaction_start" || event.type === "compaction_end" || event.type === "tool_end")
        spinner.stop();
      if (lines.length > 0) {
        printAbove(() => write(`${lines.join("\n")}\n`));
        assumeLineStart();
      }
      if (event.type === "compaction_start" && event.kind === "full") spinner.start("Compacting…");
      return;
    }
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
          `${colors.green("⏺")} ${colors.bold(event.name)}${colors.dim(`(${describeToolInput(event.name, event.input, source)})`)}\n`,
        );
        spinner.start(`Running ${event.name}…`);
        return;
      case "tool_end": {
        spinner.stop();
        const summary = event.interrupted
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
        if (event.reason === "stopped")
          write(`${colors.yellow("⚠")} Stopped: ${event.detail ?? "a hook ended the turn"}.\n`);
        return;
      default:
        return;
    }
  }) as ReplRenderer;
  render.settle = () => {
    spinner.stop();
    newline();
  };
  return render;
}
