// The event s19 adds to the shared union: an MCP server changed state (connecting, connected with its tool
// count, failed with the reason, disabled, waiting for approval).
import type { AgentEvent } from "@lcc/s02";
import type { McpServerStatus, McpServerView } from "./server-view.ts";

declare module "@lcc/s02" {
  interface AgentEventMap {
    /** A server's status or tool list changed; `tools` counts its tools (0 before it first connected). */
    mcp_server: { name: string; status: McpServerStatus; reason?: string; tools: number };
  }
}

/** The mcp_server event of a server's view (what a hub's onChange listener emits). Pure. */
export function toMcpServerEvent(view: McpServerView): Extract<AgentEvent, { type: "mcp_server" }> {
  return {
    type: "mcp_server",
    name: view.name,
    status: view.status,
    ...(view.reason === undefined ? {} : { reason: view.reason }),
    tools: view.tools.length,
  };
}
