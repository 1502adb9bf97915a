// The start line's MCP part: one short part per server, in the order configured; nothing without servers.
import type { McpServerView } from "@lcc/s19";
import { describe, expect, it } from "vitest";
import { describeMcpStart } from "./mcp-start-line.ts";

const view = (
  name: string,
  status: McpServerView["status"],
  extra: Partial<McpServerView> = {},
): McpServerView => ({
  name,
  scope: "project",
  source: ".mcp.json",
  transport: "stdio",
  status,
  tools: [],
  restarts: 0,
  ...extra,
});

describe("describeMcpStart", () => {
  it("says where each server stands, a failure with the first line of its reason, cut at 80 characters", () => {
    const tool = { name: "echo", inputSchema: { type: "object" } };
    const line = describeMcpStart([
      view("everything", "connected", { tools: [tool, { ...tool, name: "add" }] }),
      view("lcc-demo", "connecting"),
      view("github", "pending-approval"),
      view("broken", "failed", { reason: `exit code 1: ${"x".repeat(100)}\nstack` }),
      view("off", "disabled"),
    ]);
    expect(line).toBe(
      "mcp: everything connected · 2 tools · lcc-demo connecting · github waits for your approval (asked at the first prompt)" +
        ` · broken failed: exit code 1: ${"x".repeat(66)}… · off disabled (/mcp for details)`,
    );
  });

  it("prints nothing without servers", () => {
    expect(describeMcpStart([])).toBeUndefined();
  });
});
