// The terminal printer with subagents: a child's tool calls appear indented under the agent call that started it.
import { isAbsolute, relative } from "node:path";
import { formatCount, summarizeInput } from "@lcc/s01";
import type { AgentEvent } from "@lcc/s02";
import { createTodoPrinter } from "@lcc/s03";
import "./subagent-events.ts";

const CHILD = "  │ ";

/**
 * s03's printer plus subagents: `├` when a child starts (type, model, tools), its tool calls and
 * notices indented under `│`, `└` with its usage and transcript when it ends. The child's streamed
 * text is not echoed: its answer is the agent tool's result, printed below as usual.
 */
export function createSubagentPrinter(
  output: NodeJS.WritableStream,
  workspace?: string,
): (event: AgentEvent) => void {
  const printParent = createTodoPrinter(output);
  const shortPath = (path: string) => {
    const inside = workspace ? relative(workspace, path) : path;
    return workspace && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
  };
  return (event) => {
    switch (event.type) {
      case "subagent_start":
        output.write(
          `  ├ ${event.agentType} subagent · ${event.model} · tools: ${event.tools.join(", ") || "none"}\n`,
        );
        return;
      case "subagent_event":
        printChildEvent(output, event.event);
        return;
      case "subagent_end": {
        const { rounds, toolCalls, inputTokens, outputTokens } = event.usage;
        const status = event.reason === "end_turn" ? "done" : event.reason;
        const counts = [
          count(rounds, "round"),
          count(toolCalls, "tool call"),
          count(inputTokens + outputTokens, "token"),
        ];
        const transcript = event.transcriptPath ? ` · transcript ${shortPath(event.transcriptPath)}` : "";
        output.write(`  └ ${event.agentType} ${status} · ${counts.join(" · ")}${transcript}\n`);
        return;
      }
      case "tool_start":
        if (event.name === "agent") {
          printParent({ ...event, input: { description: describeAgentCall(event.input) } });
          return;
        }
        break;
    }
    printParent(event);
  };
}

function printChildEvent(output: NodeJS.WritableStream, event: AgentEvent): void {
  if (event.type === "tool_start")
    output.write(`${CHILD}⏺ ${event.name}(${summarizeInput(event.input, 70)})\n`);
  if (event.type === "tool_end")
    output.write(`${CHILD}  ⎿ ${describeChildResult(event.output, event.isError)}\n`);
  if (event.type === "notice") output.write(`${CHILD}${event.level === "warn" ? "⚠" : "·"} ${event.text}\n`);
}

/** "1 round", "1,602 tokens". */
function count(value: number, unit: string): string {
  return `${formatCount(value)} ${unit}${value === 1 ? "" : "s"}`;
}

/** "explore: Map the project" for an agent call, instead of its JSON. */
function describeAgentCall(input: unknown): string {
  const record = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const type = typeof record.agent_type === "string" ? record.agent_type : "general";
  return typeof record.description === "string" ? `${type}: ${record.description}` : type;
}

/** A child's tool result in one line: the error, the only line, or how many lines came back. */
function describeChildResult(output: string, isError: boolean): string {
  const lines = output.trimEnd().split("\n");
  const first = (lines[0] ?? "").replace(/\s+/g, " ").trim();
  const shown = first.length > 100 ? `${first.slice(0, 99)}…` : first;
  if (isError) return `error: ${shown}`;
  return lines.length === 1 ? shown : `${lines.length} lines`;
}
