// `/mcp`: every configured server (scope, where it came from, status with the reason, tool count), then each
// connected server's tools; `/mcp reconnect <name>` restarts one, `/mcp enable <name>` approves a workspace's server.
import type { SlashCommand } from "@lcc/s02";
import { mcpToolName, sanitizeNamePart } from "./config/tool-names.ts";
import type { McpHub, McpServerView } from "./hub/mcp-hub.ts";
import { displaySource, type ServerApprovals } from "./server-approvals.ts";

/** Longest tool description /mcp shows on a tool's line. */
const DESCRIPTION_CHARS = 80;

/** How long `/mcp enable` and `/mcp reconnect` wait for the server to come up before printing its state. */
export const COMMAND_WAIT_MS = 10_000;

/** One server's line: "everything · project (.mcp.json) · connected · 13 tools" (`workspace` shortens the file). Pure. */
export function describeServer(view: McpServerView, workspace = ""): string {
  const status =
    view.status === "failed"
      ? `failed: ${view.reason ?? "unknown reason"}`
      : view.status === "pending-approval"
        ? "waiting for your approval (asked at the first prompt; /mcp enable)"
        : view.status === "disabled"
          ? `disabled${view.reason ? `: ${view.reason}` : " (/mcp enable turns it on)"}`
          : view.status;
  const tools =
    view.status === "connected" ? ` · ${view.tools.length} tool${view.tools.length === 1 ? "" : "s"}` : "";
  const restarts = view.restarts > 0 ? ` · restarted ${view.restarts}×` : "";
  const source = workspace ? displaySource(view.source, workspace) : view.source;
  return `${view.name} · ${view.scope} (${source}) · ${status}${tools}${restarts}`;
}

/** What /mcp prints. Pure. */
export function describeServers(views: readonly McpServerView[], workspace = ""): string {
  if (views.length === 0)
    return "No MCP servers. Add one to .mcp.json (project), ~/.claude.json (user) or a plugin, or pass --mcp-config.";
  const lines = [
    `MCP servers (${views.length})`,
    ...views.map((view) => `  ${describeServer(view, workspace)}`),
  ];
  for (const view of views) {
    if (view.status !== "connected" || view.tools.length === 0) continue;
    lines.push(`Tools of ${view.name}:`);
    for (const tool of view.tools) {
      const about = (tool.description ?? "").split("\n")[0] ?? "";
      const cut = about.length > DESCRIPTION_CHARS ? `${about.slice(0, DESCRIPTION_CHARS - 1)}…` : about;
      lines.push(`  ${mcpToolName(view.name, tool.name)}${cut ? ` · ${cut}` : ""}`);
    }
  }
  return lines.join("\n");
}

export function createMcpCommand(hub: McpHub, approvals: ServerApprovals, workspace: string): SlashCommand {
  const usage = "Usage: /mcp, /mcp reconnect <name>, or /mcp enable <name>.\n";
  return {
    name: "mcp",
    usage: "/mcp [reconnect|enable <name>]",
    summary: "MCP servers: status, reason, tools; reconnect or enable one",
    async run(args, { session, write, signal }) {
      const [action = "", name = "", ...rest] = args.trim().split(/\s+/).filter(Boolean);
      if (action === "") return write(`${describeServers(hub.servers(), workspace)}\n`);
      if (!["reconnect", "enable"].includes(action) || name === "" || rest.length > 0) return write(usage);
      const view = hub.servers().find((server) => server.name === name);
      if (!view) return write(`No MCP server named "${name}". /mcp lists them.\n`);
      if (action === "enable") {
        if (!(await approvals.enable(name)))
          return write(`${name} needs no approval (only a workspace's own servers do).\n`);
      } else if (view.status === "pending-approval" || view.status === "disabled")
        return write(`${name} is not approved: /mcp enable ${name} starts it.\n`);
      else await hub.reconnect(name);
      await Promise.race([
        hub.settled(COMMAND_WAIT_MS),
        new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true })),
      ]);
      const now = hub.servers().find((server) => server.name === name) ?? view;
      const registry = session.resolved.registry;
      const listed = registry.names().some((tool) => tool.startsWith(`mcp__${sanitizeNamePart(name)}__`));
      const reach =
        now.status !== "connected" || listed
          ? ""
          : registry.get("tool_search")
            ? "tool_search finds its tools in this conversation.\n"
            : "its tools join the tool list in the next conversation (/clear).\n";
      write(`${describeServer(now, workspace)}\n${reach}`);
    },
  };
}
