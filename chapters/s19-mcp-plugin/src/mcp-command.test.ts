// /mcp through the real s19 session: the listing without servers, `/mcp enable` for a server the user had
// refused (remembered, its tools in the next conversation), `/mcp reconnect`, and the mistakes it explains.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { everythingEntry, testMcpSetup } from "./test-agent.ts";

const start = testMcpSetup(useCleanups());
const NO = { kind: "choice", key: "n" } as const;

describe("/mcp", () => {
  it("says where servers come from when there are none, and the session has no MCP section or late tools", async () => {
    const session = await start({ script: [reply(text("hi"))] });
    await session.run("/mcp");
    expect(session.output()).toContain(
      "No MCP servers. Add one to .mcp.json (project), ~/.claude.json (user)",
    );
    await session.run("Hello.");
    expect(JSON.stringify(session.requests()[0]?.body.system)).not.toContain("MCP tools:");
  });

  it("enables a server the user refused: it starts, the yes is remembered, its tools join after /clear", async () => {
    const session = await start({
      script: [reply(text("one")), reply(text("two"))],
      mcpServers: { everything: everythingEntry() },
      answers: [NO],
    });
    await session.run("Hello.");
    expect(session.hub().servers()[0]?.status).toBe("disabled");
    await session.run("/mcp enable everything");
    expect(session.output()).toContain(
      "everything · project (.mcp.json) · connected · 13 tools\nits tools join the tool list in the next conversation (/clear).\n",
    );
    const approvals = await readFile(join(session.home, ".lcc", "mcp-approvals.json"), "utf8");
    expect(approvals).toContain('"answer": "approved"');
    await session.run("/clear");
    await session.run("Again.");
    expect(session.toolNames(1)).toContain("mcp__everything__echo");
    expect(session.questions).toHaveLength(1);
  });

  it("reconnects a connected server: it goes through connecting and comes back with its tools", async () => {
    const session = await start({
      script: [reply(text("hi"))],
      mcpServers: { everything: everythingEntry() },
    });
    await session.run("Hello.");
    const before = session.events.filter((event) => event.type === "mcp_server").length;
    await session.run("/mcp reconnect everything");
    const after = session.events.filter((event) => event.type === "mcp_server").slice(before);
    expect(after.map((event) => event.type === "mcp_server" && event.status)).toEqual([
      "connecting",
      "connected",
    ]);
    expect(session.output()).toContain(
      "everything · project (.mcp.json) · connected · 13 tools · restarted 1×\n",
    );
    expect(session.output()).not.toContain("its tools join");
    session.requests();
  });

  it("explains a bad subcommand, an unknown server, and a server that is not approved", async () => {
    const session = await start({
      script: [reply(text("hi"))],
      mcpServers: { everything: everythingEntry() },
      answers: [NO],
    });
    await session.run("Hello.");
    await session.run("/mcp restart everything");
    await session.run("/mcp reconnect nowhere");
    await session.run("/mcp reconnect everything");
    const output = session.output();
    expect(output).toContain("Usage: /mcp, /mcp reconnect <name>, or /mcp enable <name>.\n");
    expect(output).toContain('No MCP server named "nowhere". /mcp lists them.\n');
    expect(output).toContain("everything is not approved: /mcp enable everything starts it.\n");
    session.requests();
  });
});
