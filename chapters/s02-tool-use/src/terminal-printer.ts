// How a chapter's session looks in a terminal: the chapter-kit printer for the core events, plus the
// renderers chapters contribute for their own events. lcc's renderer uses the same renderers.
import { createEventPrinter } from "@lcc/chapter-kit";
import type { AgentEvent } from "./events.ts";
import type { ToolRegistry } from "./registry.ts";

/**
 * Renders the events a chapter owns as whole lines (no trailing newline). Returns undefined for an
 * event it does not own (the next renderer or the default rendering shows it); [] hides the event.
 * Renderers are tried in setup order, so an earlier chapter's renderer sees events first. Pure apart
 * from state a renderer keeps about its own events.
 */
export type EventRenderer = (event: AgentEvent) => string[] | undefined;

/** The lines `renderers` give for `event`, or undefined when none owns it. */
export function renderWith(renderers: readonly EventRenderer[], event: AgentEvent): string[] | undefined {
  for (const render of renderers) {
    const lines = render(event);
    if (lines) return lines;
  }
  return undefined;
}

/** The one-line summary of a tool call's input the user sees: the tool's own, else the default. */
export function toolCallSummary(registry: ToolRegistry | undefined, name: string, input: unknown) {
  return registry?.get(name)?.summarizeInput?.(input);
}

/** Where the printer finds the current conversation's renderers and tools (they change on /clear). */
export interface PrinterSource {
  renderers: readonly EventRenderer[];
  registry?: ToolRegistry;
}

/** The chapter printer: renderers first, then notices and the core events through chapter-kit's printer. */
export function createTerminalPrinter(
  output: NodeJS.WritableStream,
  source: () => PrinterSource = () => ({ renderers: [] }),
): (event: AgentEvent) => void {
  const printBase = createEventPrinter(output);
  return (event) => {
    const { renderers, registry } = source();
    const lines = renderWith(renderers, event);
    if (lines) {
      // A chapter showed this call's end itself: the base printer stops counting the call as running.
      if (event.type === "tool_end") printBase({ type: "tool_end_shown", id: event.id });
      if (lines.length === 0) return;
      printBase({ type: "agent_end" });
      output.write(`${lines.join("\n")}\n`);
      return;
    }
    if (event.type === "notice") {
      printBase({ type: "agent_end" });
      output.write(`${event.level === "warn" ? "⚠" : "·"} ${event.text}\n`);
      return;
    }
    if (event.type === "tool_start") {
      const summary = toolCallSummary(registry, event.name, event.input);
      printBase(summary === undefined ? event : { ...event, summary });
      return;
    }
    printBase(event);
  };
}
