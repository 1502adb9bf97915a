// The start line's MCP part: where each server stands when the prompt first shows (connecting, connected
// with its tools, waiting for approval, failed with the reason). Later changes print above the prompt
// through s19's renderer, so the prompt never waits for a server.
import type { McpServerView } from "@lcc/s19";

/** Longest failure reason shown on the start line (/mcp shows it whole). */
const REASON_CHARS = 80;

/**
 * "mcp: everything connected · 13 tools · lcc-demo connecting · broken failed: exit code 1"; undefined
 * without servers. One part per server, in the order they were configured. Pure.
 */
export function describeMcpStart(views: readonly McpServerView[]): string | undefined {
  if (views.length === 0) return undefined;
  return `mcp: ${views.map(describeAtStart).join(" · ")} (/mcp for details)`;
}

function describeAtStart(view: McpServerView): string {
  const { name, status } = view;
  if (status === "connected")
    return `${name} connected · ${view.tools.length} tool${view.tools.length === 1 ? "" : "s"}`;
  if (status === "pending-approval") return `${name} waits for your approval (asked at the first prompt)`;
  if (status === "failed") {
    const reason = (view.reason ?? "unknown reason").split("\n")[0] ?? "";
    return `${name} failed: ${reason.length > REASON_CHARS ? `${reason.slice(0, REASON_CHARS - 1)}…` : reason}`;
  }
  return `${name} ${status}`;
}
