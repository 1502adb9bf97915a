// How the REPL shows the events chapters added to the stream, with each chapter's own printer.
import type { AgentEvent } from "@lcc/s02";
import { createTodoPrinter } from "@lcc/s03"; // s03: the plan, printed after each todo_write
import { createSubagentPrinter } from "@lcc/s04"; // s04: a subagent's start, its tool calls, its end
import { describeCompactionEvent } from "@lcc/s06"; // s06: one line per compaction

/** A printer for chapter events; returns false for events it does not own (the caller renders those). */
export function createChapterEventPrinter(
  output: NodeJS.WritableStream,
  workspace: string,
): (event: AgentEvent) => boolean {
  const printTodo = createTodoPrinter(output);
  const printSubagent = createSubagentPrinter(output, workspace);
  return (event) => {
    switch (event.type) {
      case "todo_update":
        printTodo(event);
        return true;
      case "subagent_start":
      case "subagent_event":
      case "subagent_end":
        printSubagent(event);
        return true;
      case "compaction_start":
      case "compaction_end": {
        const line = describeCompactionEvent(event);
        if (line) output.write(`${line.level === "warn" ? "⚠" : "·"} ${line.text}\n`);
        return true;
      }
      default:
        return false;
    }
  };
}
