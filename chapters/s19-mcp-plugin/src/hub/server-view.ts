// What the hub shows of one server: its status (with the reason when failed), its tools, its identity and
// its restarts. Plain data, copied out of the hub; the agent, /mcp and the renderer read it.
import type { ServerScope } from "../config/server-config.ts";
import type { McpServerInfo, McpTool } from "../mcp/mcp-client.ts";

export type McpServerStatus = "pending-approval" | "connecting" | "connected" | "failed" | "disabled";

/** What `/mcp`, the agent and the renderer see of one server; a copy, never updated in place. */
export interface McpServerView {
  name: string;
  scope: ServerScope;
  source: string;
  transport: "stdio" | "http";
  status: McpServerStatus;
  /** failed: why (exit code and stderr tail, timeout, the config problem). */
  reason?: string;
  /** From tools/list; empty until the server connected once, kept while it is down. */
  tools: McpTool[];
  serverInfo?: McpServerInfo;
  /** Restarts after the first start (a call after a crash, /mcp reconnect). */
  restarts: number;
  /** failed: the hub clock's time from which a call may restart the server. */
  nextRetryAt?: number;
}
