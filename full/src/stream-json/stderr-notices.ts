// What an Agent SDK run says on stderr (the SDK hands it to the app's `stderr` callback): warnings, MCP
// servers that failed, retries and continuations, as `lcc -p` says them. Stdout carries only the protocol.
import type { AgentEvent } from "@lcc/s02";
import { describeContinuation, describeRetry } from "@lcc/s11"; // s11: retries and continuations, in words
import { describeMcpServerEvent, toMcpServerEvent } from "@lcc/s19"; // s19: an MCP server's state, in words
import type { AgentSession } from "../session/agent-session.ts";

/**
 * Writes the session's warnings to `stderr` until the returned function is called, including those its
 * setup raised before (a hook event s08 does not run, a skipped SKILL.md) and servers already failed.
 */
export function reportOnStderr(session: AgentSession, stderr: NodeJS.WritableStream): () => void {
  const mcpFailed = (event: AgentEvent) => stderr.write(`lcc: warning: ${describeMcpServerEvent(event)}\n`);
  for (const view of session.core.setup.mcp.servers())
    if (view.status === "failed") mcpFailed(toMcpServerEvent(view));
  return session.core.subscribe((event) => {
    if (event.type === "notice" && event.level === "warn") stderr.write(`lcc: warning: ${event.text}\n`);
    if (event.type === "mcp_server" && event.status === "failed") mcpFailed(event);
    if (event.type === "model_retry") stderr.write(`lcc: ${describeRetry(event, { cancelHint: false })}\n`);
    const continuation = describeContinuation(event);
    if (continuation) stderr.write(`lcc: ${continuation}\n`);
  });
}
