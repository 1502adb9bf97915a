// The `system`/`init` message that opens each turn, and the answers to `initialize` and `mcp_status`: what
// an Agent SDK app reads about the session (tools, model, permission mode, MCP servers, commands).
import { randomUUID } from "node:crypto";
import { claudeToolName } from "@lcc/s08"; // s08: tools under the names Claude Code gives them
import { type McpServerView, mcpToolName } from "@lcc/s19"; // s19: MCP servers and their tools' names
import type { AgentSession } from "../session/agent-session.ts";

/** What the init message needs beyond the session. */
export interface InitFacts {
  workspace: string;
  version: string;
  /** Where the API credential came from, as the SDK spells it. */
  apiKeySource: "ANTHROPIC_API_KEY" | "none";
}

/** An MCP server's status as the SDK names it (McpServerStatus): lcc's connecting and pending-approval are pending. */
export function sdkMcpStatus(view: McpServerView): "connected" | "failed" | "pending" | "disabled" {
  if (view.status === "connected" || view.status === "failed" || view.status === "disabled")
    return view.status;
  return "pending";
}

/**
 * The SDKSystemMessage of subtype init. Tools carry Claude Code's names where lcc has the same tool (Bash,
 * Read, Edit…), as hooks and canUseTool see them, so an app written for Claude Code recognises them;
 * then the connected MCP servers' tools (`mcp__<server>__<tool>`), which join each request late (s19).
 */
export function buildInitMessage(session: AgentSession, facts: InitFacts) {
  const setup = session.core.setup;
  return {
    type: "system",
    subtype: "init",
    uuid: randomUUID(),
    session_id: session.sessionId(),
    cwd: facts.workspace,
    model: session.core.model(),
    tools: [
      ...session.core.resolved.registry.names().map(claudeToolName),
      ...setup.mcp
        .servers()
        .filter((view) => view.status === "connected")
        .flatMap((view) => view.tools.map((tool) => mcpToolName(view.name, tool.name))),
    ],
    mcp_servers: setup.mcp.servers().map((view) => ({ name: view.name, status: sdkMcpStatus(view) })),
    permissionMode: setup.permissions.mode(),
    slash_commands: session.core.resolved.commands.map((command) => command.name),
    apiKeySource: facts.apiKeySource,
    claude_code_version: facts.version,
    output_style: "default",
    skills: setup.skills.skills.map((skill) => skill.name),
    plugins: [],
  };
}

/** The payload of the `initialize` answer (SDKControlInitializeResponse). */
export function buildInitializeResponse(session: AgentSession, facts: InitFacts) {
  const model = session.core.model();
  return {
    commands: session.core.resolved.commands.map((command) => ({
      name: command.name,
      description: command.summary,
      argumentHint: command.usage.replace(/^\/\S+\s*/, ""),
    })),
    agents: [],
    output_style: "default",
    available_output_styles: ["default"],
    models: [{ value: model, displayName: model, description: "the model this lcc session runs" }],
    account: { apiKeySource: facts.apiKeySource },
    claude_code_version: facts.version,
  };
}

/** The payload of the `mcp_status` answer: `{ mcpServers: McpServerStatus[] }`. */
export function buildMcpStatusResponse(session: AgentSession) {
  return {
    mcpServers: session.core.setup.mcp.servers().map((view) => ({
      name: view.name,
      status: sdkMcpStatus(view),
      scope: view.scope,
      ...(view.serverInfo
        ? { serverInfo: { name: view.serverInfo.name, version: view.serverInfo.version } }
        : {}),
      ...(view.status === "failed" && view.reason ? { error: view.reason } : {}),
      tools: view.tools.map((tool) => ({
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
      })),
    })),
  };
}
