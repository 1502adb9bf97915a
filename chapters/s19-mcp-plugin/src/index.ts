// Public surface of s19 (MCP): the client interface and its two implementations, the config sources and
// approvals, the hub, the MCP tool, tool_search/use_tool, the tool budget, and the chapter (s18 plus MCP).

export {
  createMcpSetup,
  createS19Chapter,
  DEFAULT_STARTUP_WAIT_MS,
  type McpSetup,
  type McpSetupOptions,
} from "./agent.ts";
export * from "./config/expand-variables.ts";
export * from "./config/mcp-config.ts";
export * from "./config/plugin-manifests.ts";
export * from "./config/read-json-config.ts";
export * from "./config/server-approval.ts";
export * from "./config/server-config.ts";
export * from "./config/tool-names.ts";
export { createDefaultMcpClient } from "./hub/create-client.ts";
export * from "./hub/hub-timing.ts";
export { toMcpServerEvent } from "./hub/mcp-events.ts";
export * from "./hub/mcp-hub.ts";
export * from "./mcp/mcp-client.ts";
export * from "./mcp/mcp-content.ts";
export * from "./mcp/mcp-error.ts";
// Types only: the SDK client is loaded on first connect (hub/create-client.ts), never at start-up.
export type { SdkClientOptions, SdkMcpClient, SdkTransportConfig } from "./mcp/sdk-client.ts";
export { buildServerEnvironment } from "./mcp/server-environment.ts";
export type { StdioServerCommand } from "./mcp/server-process.ts";
export * from "./mcp/stdio-json-rpc-client.ts";
export { createMcpCatalogue, type McpCatalogue } from "./mcp-catalogue.ts";
export { COMMAND_WAIT_MS, createMcpCommand, describeServer, describeServers } from "./mcp-command.ts";
export {
  chooseMcpTools,
  createMcpLateTools,
  LISTED_DEFERRED_NAMES_MAX,
  type McpLateToolsOptions,
  type McpToolChoice,
} from "./mcp-late-tools.ts";
export { describeMcpServerEvent, renderMcpEvents } from "./mcp-renderer.ts";
export { MCP_SECTION } from "./mcp-section.ts";
export {
  createServerApprovals,
  describeLaunch,
  displaySource,
  type ServerApprovalOptions,
  type ServerApprovals,
} from "./server-approvals.ts";
export {
  CHARS_PER_TOKEN,
  DEFAULT_TOOL_BUDGET_SHARE,
  judgeToolBudget,
  type ToolBudget,
  toolRequestBytes,
} from "./tool-budget.ts";
export * from "./tools/mcp-tool.ts";
export {
  createToolSearchTools,
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  scoreTool,
  searchTools,
  type ToolSearchDetails,
  type ToolSearchOptions,
} from "./tools/tool-search.ts";
