// The session's MCP tools as harness tools, read from the hub when asked: the tools of every server connected
// now or connected before it crashed (a call restarts it), named mcp__<server>__<tool> by one namer for the whole session (a name that collides is refused and said once).
import type { EmitEvent, Tool } from "@lcc/s02";
import { createToolNamer } from "./config/tool-names.ts";
import type { McpHub } from "./hub/mcp-hub.ts";
import { createMcpTool } from "./tools/mcp-tool.ts";

export interface McpCatalogue {
  /**
   * The tools of every server connected now, or failed after it listed tools (a crash: calling one of them
   * restarts the server, after the backoff), in the hub's server order then the server's tool order.
   * The same Tool object while a server's definition of it does not change. Never throws.
   */
  tools(): Tool[];
}

/** A catalogue over `hub`; `emit` reports a refused (colliding) name once, as a warning notice. */
export function createMcpCatalogue(hub: McpHub, emit: EmitEvent): McpCatalogue {
  const namer = createToolNamer();
  const built = new Map<string, { definition: string; tool: Tool }>();
  const refused = new Set<string>();
  return {
    tools() {
      const tools: Tool[] = [];
      for (const server of hub.servers()) {
        const crashed = server.status === "failed" && server.tools.length > 0;
        if (server.status !== "connected" && !crashed) continue;
        for (const remote of server.tools) {
          const fullName = namer.name(server.name, remote.name);
          if (typeof fullName !== "string") {
            const text = `mcp: tool "${remote.name}" of server "${server.name}" is left out: its name collides with ${fullName.collision}`;
            if (!refused.has(text)) emit({ type: "notice", source: "mcp", level: "warn", text });
            refused.add(text);
            continue;
          }
          const key = `${server.name}\u0000${remote.name}`;
          const definition = JSON.stringify(remote);
          let entry = built.get(key);
          if (entry?.definition !== definition) {
            entry = { definition, tool: createMcpTool(hub, server.name, remote, fullName) };
            built.set(key, entry);
          }
          tools.push(entry.tool);
        }
      }
      return tools;
    },
  };
}
