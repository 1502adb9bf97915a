// Renders loop events for a terminal: streamed text, one line per tool call, a short result summary.
import { countOf } from "./format-count.ts";
import { createLineWriter } from "./line-writer.ts";

export interface PrintableEvent {
  type: string;
  /** A tool call's id (tool_start/tool_end): names the call on its result line when calls overlap. */
  id?: unknown;
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
  const more = lines.length > maxLines ? `\n… (+${countOf(lines.length - maxLines, "line")})` : "";
  return shown.join("\n") + more;
}

/**
 * Returns a printer for the event stream that writes to `output`. When tool calls overlap (s20 runs a round's
 * reads together: several starts, then their ends), each result line names its call, `⎿ read_file(a.txt): …`.
 * `{type: "tool_end_shown", id}` says a chapter's renderer printed that call's end: it is no longer running.
 */
export function createEventPrinter(output: NodeJS.WritableStream): (event: PrintableEvent) => void {
  const { write, newline } = createLineWriter(output);
  // Calls started and not yet ended, by id: their one-line label, and whether another call ran meanwhile.
  const open = new Map<string, { label: string; overlapped: boolean }>();
  return (event) => {
    if (event.type === "text_delta" && event.text) write(event.text);
    if (event.type === "tool_start") {
      newline();
      const label = `${event.name}(${event.summary ?? summarizeInput(event.input, 40)})`;
      write(`⏺ ${event.name}(${event.summary ?? summarizeInput(event.input)})\n`);
      for (const call of open.values()) call.overlapped = true;
      if (typeof event.id === "string") open.set(event.id, { label, overlapped: open.size > 0 });
    }
    if (event.type === "tool_end_shown" && typeof event.id === "string") open.delete(event.id);
    if (event.type === "tool_end") {
      const call = typeof event.id === "string" ? open.get(event.id) : undefined;
      if (typeof event.id === "string") open.delete(event.id);
      const named = call?.overlapped ? `${call.label}: ` : "";
      const body = summarizeOutput(event.output ?? "").replace(/\n/g, "\n    ");
      write(`  ⎿ ${named}${event.isError ? "error: " : ""}${body}\n`);
    }
    if (event.type === "agent_end") newline();
  };
}
