// The Agent SDK host's in-process MCP servers (createSdkMcpServer) as servers s19 connects to: each is a
// Streamable HTTP endpoint on the bridge whose JSON-RPC messages travel to the host as `mcp_message`.
import type { BridgeReply, BridgeRoute, BridgeServer } from "./bridge-server.ts";
import { isRecord } from "./protocol.ts";
import type { SdkConnection } from "./sdk-connection.ts";

/**
 * The bridge route for MCP: each JSON-RPC message of a POST goes to the host's server as an `mcp_message`
 * control request; requests are answered with the host's `mcp_response` (200), notifications and
 * responses with 202. Only servers the host named in initialize are reachable.
 */
export function createMcpRoute(connection: SdkConnection, servers: readonly string[]): BridgeRoute {
  return async (server, body): Promise<BridgeReply> => {
    if (!servers.includes(server)) throw new Error(`the SDK host has no MCP server named "${server}"`);
    const messages = Array.isArray(body) ? body : [body];
    const answers: unknown[] = [];
    for (const message of messages) {
      const reply = await connection.request({ subtype: "mcp_message", server_name: server, message });
      if (isRecord(message) && typeof message.method === "string" && message.id !== undefined)
        answers.push(reply.mcp_response);
    }
    if (answers.length === 0) return { status: 202 };
    return { status: 200, body: Array.isArray(body) ? answers : answers[0] };
  };
}

/**
 * The `--mcp-config` value (inline JSON) that adds the host's servers, each an HTTP server on the bridge
 * carrying its token in a header (never on a command line).
 */
export function sdkMcpConfig(bridge: BridgeServer, servers: readonly string[]): string {
  const entries = servers.map((name) => [
    name,
    {
      type: "http",
      url: `${bridge.url}/mcp/${encodeURIComponent(name)}`,
      headers: { Authorization: `Bearer ${bridge.token}` },
    },
  ]);
  return JSON.stringify({ mcpServers: Object.fromEntries(entries) });
}
