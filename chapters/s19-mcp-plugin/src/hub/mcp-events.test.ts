// The mcp_server event made from a server's view: name, status, reason when there is one, tool count.
import { describe, expect, it } from "vitest";
import { toMcpServerEvent } from "./mcp-events.ts";
import type { McpServerView } from "./server-view.ts";

const view = (extra: Partial<McpServerView>): McpServerView => ({
  name: "everything",
  scope: "project",
  source: ".mcp.json",
  transport: "stdio",
  status: "connected",
  tools: [{ name: "echo", inputSchema: { type: "object" } }],
  restarts: 0,
  ...extra,
});

describe("the mcp_server event", () => {
  it("carries the name, status and tool count of a connected server", () => {
    expect(toMcpServerEvent(view({}))).toEqual({
      type: "mcp_server",
      name: "everything",
      status: "connected",
      tools: 1,
    });
  });

  it("carries the reason of a failed server", () => {
    expect(toMcpServerEvent(view({ status: "failed", reason: "server exited with code 1" }))).toMatchObject({
      status: "failed",
      reason: "server exited with code 1",
    });
  });
});
