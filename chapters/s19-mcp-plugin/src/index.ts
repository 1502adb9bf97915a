// s19 MCP plugin (groundwork): the MCP client interface and its two implementations.

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
export * from "./mcp/sdk-client.ts";
export { buildServerEnvironment } from "./mcp/server-environment.ts";
export type { StdioServerCommand } from "./mcp/server-process.ts";
export * from "./mcp/stdio-json-rpc-client.ts";
export * from "./tools/mcp-tool.ts";
