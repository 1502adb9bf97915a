// The terminal printer with plans: a todo_write call prints the whole plan under its tool line.
import { type AgentEvent, createTerminalPrinter } from "@lcc/s02";
import "./todo-events.ts";

/** s02's terminal printer, plus the plan shown in full after each successful todo_write. */
export function createTodoPrinter(output: NodeJS.WritableStream): (event: AgentEvent) => void {
  const printBase = createTerminalPrinter(output);
  return (event) => {
    if (event.type === "tool_start" && event.name === "todo_write") {
      printBase({ ...event, input: { description: describeItems(event.input) } });
      return;
    }
    if (event.type === "todo_update") {
      output.write(`  ⎿ ${event.rendered.replace(/\n/g, "\n    ")}\n`);
      return;
    }
    // The plan was printed by todo_update; failures still print through the base printer.
    if (event.type === "tool_end" && event.name === "todo_write" && !event.isError) return;
    printBase(event);
  };
}

/** "3 items" for a todo_write input, instead of its JSON. */
function describeItems(input: unknown): string {
  const items =
    typeof input === "object" && input !== null ? (input as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) return "";
  return `${items.length} item${items.length === 1 ? "" : "s"}`;
}
