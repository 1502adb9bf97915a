// The catalogue the first request and use_tool read: a server that crashed after listing its tools keeps
// them, so a deferred call through use_tool still reaches the hub, which restarts the server.
import { createToolContext } from "@lcc/s02";
import { describe, expect, it } from "vitest";
import { scriptedServer, useTestHubs } from "./hub/test-hub.ts";
import { rejectionOf } from "./mcp/test-servers.ts";
import { createMcpCatalogue } from "./mcp-catalogue.ts";

describe("s19 MCP catalogue", () => {
  const setupHub = useTestHubs();

  it("keeps a crashed server's tools, and calling one after the backoff restarts the server", async () => {
    const { hub, view, clock } = setupHub([scriptedServer("fragile"), scriptedServer("never", {}, {})]);
    hub.setStatus("never", "disabled");
    hub.start(["fragile"]);
    await hub.settled(5_000);
    const catalogue = createMcpCatalogue(hub, () => {});
    const names = catalogue.tools().map((tool) => tool.name);
    expect(names).toContain("mcp__fragile__echo");
    expect(names.some((name) => name.startsWith("mcp__never__"))).toBe(false);

    await rejectionOf(hub.callTool("fragile", "crash", {}));
    expect(view("fragile").status).toBe("failed");
    const echo = catalogue.tools().find((tool) => tool.name === "mcp__fragile__echo");
    expect(echo).toBeDefined();
    clock.now = 1_000;
    const result = await echo!.run({ text: "back" }, createToolContext(process.cwd()));
    expect(JSON.stringify(result)).toContain("echo: back");
    expect(view("fragile")).toMatchObject({ status: "connected", restarts: 1 });
  });
});
