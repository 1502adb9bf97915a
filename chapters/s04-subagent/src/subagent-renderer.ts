// How s04's events look: a child's tool calls indented under the agent call that started it (the same
// lines in the chapter printer and in lcc).
import { isAbsolute, relative } from "node:path";
import { formatCount, summarizeInput } from "@lcc/chapter-kit";
import type { AgentEvent, EventRenderer } from "@lcc/s02";
import "./subagent-events.ts";

const CHILD = "  │ ";

/**
 * `├` when a child starts (type, model, tools), its tool calls and notices indented under `│`, `└`
 * with its usage and transcript when it ends. The child's streamed text is not echoed: its answer is
 * the agent tool's result, shown below as usual. Paths inside `workspace` are shown relative to it.
 */
export function createSubagentRenderer(workspace?: string): EventRenderer {
  const shortPath = (path: string) => {
    const inside = workspace ? relative(workspace, path) : path;
    return workspace && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
  };
  return (event) => {
    switch (event.type) {
      case "subagent_start":
        return [
          `  ├ ${event.agentType} subagent · ${event.model} · tools: ${event.tools.join(", ") || "none"}`,
        ];
      case "subagent_event":
        return renderChildEvent(event.event);
      case "subagent_end": {
        const { rounds, toolCalls, inputTokens, outputTokens } = event.usage;
        const status = event.reason === "end_turn" ? "done" : event.reason;
        const counts = [
          count(rounds, "round"),
          count(toolCalls, "tool call"),
          count(inputTokens + outputTokens, "token"),
        ];
        const transcript = event.transcriptPath ? ` · transcript ${shortPath(event.transcriptPath)}` : "";
        return [`  └ ${event.agentType} ${status} · ${counts.join(" · ")}${transcript}`];
      }
      default:
        return undefined;
    }
  };
}

function renderChildEvent(event: AgentEvent): string[] {
  if (event.type === "tool_start") return [`${CHILD}⏺ ${event.name}(${summarizeInput(event.input, 70)})`];
  if (event.type === "tool_end") return [`${CHILD}  ⎿ ${describeChildResult(event.output, event.isError)}`];
  if (event.type === "notice") return [`${CHILD}${event.level === "warn" ? "⚠" : "·"} ${event.text}`];
  return [];
}

/** "1 round", "1,602 tokens". */
function count(value: number, unit: string): string {
  return `${formatCount(value)} ${unit}${value === 1 ? "" : "s"}`;
}

/** A child's tool result in one line: the error, the only line, or how many lines came back. */
function describeChildResult(output: string, isError: boolean): string {
  const lines = output.trimEnd().split("\n");
  const first = (lines[0] ?? "").replace(/\s+/g, " ").trim();
  const shown = first.length > 100 ? `${first.slice(0, 99)}…` : first;
  if (isError) return `error: ${shown}`;
  return lines.length === 1 ? shown : `${lines.length} lines`;
}
