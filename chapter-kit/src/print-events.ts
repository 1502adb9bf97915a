// Renders loop events for a terminal: streamed text, one line per tool call, a short result summary.
import { createLineWriter } from "./line-writer.ts";

export interface PrintableEvent {
  type: string;
  text?: string;
  name?: string;
  input?: unknown;
  /** A one-line description of a tool call's input that replaces the default summary. */
  summary?: string;
  output?: string;
  isError?: boolean;
}

/** One-line preview of a tool input: the command or path when there is one, else compact JSON. */
export function summarizeInput(input: unknown, maxChars = 80): string {
  const record = (input ?? {}) as Record<string, unknown>;
  const main = record.command ?? record.path ?? record.pattern ?? record.name ?? record.description;
  const text = typeof main === "string" ? main : JSON.stringify(input ?? {});
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line;
}

/** First lines of a tool output plus a count of what was left out. */
export function summarizeOutput(output: string, maxLines = 4): string {
  const lines = output.trimEnd().split("\n");
  const shown = lines.slice(0, maxLines).map((line) => (line.length > 120 ? `${line.slice(0, 119)}…` : line));
  const more = lines.length > maxLines ? `\n… (+${lines.length - maxLines} lines)` : "";
  return shown.join("\n") + more;
}

/** Returns a printer for the event stream that writes to `output`. */
export function createEventPrinter(output: NodeJS.WritableStream): (event: PrintableEvent) => void {
  const { write, newline } = createLineWriter(output);
  return (event) => {
    if (event.type === "text_delta" && event.text) write(event.text);
    if (event.type === "tool_start") {
      newline();
      write(`⏺ ${event.name}(${event.summary ?? summarizeInput(event.input)})\n`);
    }
    if (event.type === "tool_end") {
      const body = summarizeOutput(event.output ?? "").replace(/\n/g, "\n    ");
      write(`  ⎿ ${event.isError ? "error: " : ""}${body}\n`);
    }
    if (event.type === "agent_end") newline();
  };
}
