// How s19's events look: a server that connected or failed gets one line ("mcp: everything connected · 13
// tools", "mcp: broken failed: …"); tool_search's result says what it found. Connecting and waiting print nothing.
import type { AgentEvent, EventRenderer } from "@lcc/s02";
import type { ToolSearchDetails } from "./tools/tool-search.ts";
import "./hub/mcp-events.ts";

/** The line of an mcp_server event, or undefined when the change is not worth a line. Pure. */
export function describeMcpServerEvent(event: AgentEvent): string | undefined {
  if (event.type !== "mcp_server") return undefined;
  if (event.status === "connected")
    return `mcp: ${event.name} connected · ${event.tools} tool${event.tools === 1 ? "" : "s"}`;
  if (event.status === "failed") return `mcp: ${event.name} failed: ${event.reason ?? "unknown reason"}`;
  if (event.status === "disabled")
    return `mcp: ${event.name} is off${event.reason ? `: ${event.reason}` : ""}`;
  return undefined;
}

/** The chapter renderer (lcc uses it too): server lines, tool_search's matches; everything else untouched. */
export const renderMcpEvents: EventRenderer = (event) => {
  if (event.type === "mcp_server") {
    const line = describeMcpServerEvent(event);
    if (line === undefined) return [];
    return [`${event.status === "failed" ? "⚠" : "⚙"} ${line}`];
  }
  if (event.type === "tool_end" && event.name === "tool_search" && !event.isError && event.details) {
    const { matches } = event.details as ToolSearchDetails;
    const shown = matches.slice(0, 5).join(", ");
    const more = matches.length > 5 ? `, +${matches.length - 5}` : "";
    return [
      `  ⎿ ${matches.length} tool${matches.length === 1 ? "" : "s"} found${shown ? `: ${shown}${more}` : ""}`,
    ];
  }
  return undefined;
};
