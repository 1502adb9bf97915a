// The demo's bundled MCP server as a real stdio process, spoken to by s19's SDK-backed client: its
// tools, their answers, a refused input, and no process left after close.
import { createDefaultMcpClient, type McpCallResult, type SdkMcpClient } from "@lcc/s19";
import { isProcessAlive } from "@lcc/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_MCP_SERVER, demoMcpConfig, demoMcpServerCommand } from "./demo-mcp-config.ts";

const clients: SdkMcpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

async function setup() {
  const { command, args } = demoMcpServerCommand();
  const client = createDefaultMcpClient({ type: "stdio", command, args, env: {} }, {});
  clients.push(client);
  await client.connect();
  return client;
}

const textOf = (result: McpCallResult) =>
  result.content.map((block) => (block.type === "text" ? block.text : "")).join("");

describe("the demo MCP server", () => {
  it("starts with lcc's own dependencies and offers word_count, now and checksum, each read-only", async () => {
    const client = await setup();
    expect(client.serverInfo?.name).toBe(DEMO_MCP_SERVER);
    const tools = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["word_count", "now", "checksum"]);
    for (const tool of tools) expect(tool.annotations?.readOnlyHint).toBe(true);
    expect(tools[0]?.inputSchema).toMatchObject({ type: "object", required: ["text"] });
  });

  it("answers each tool, and reports a bad time zone as a tool error", async () => {
    const client = await setup();
    const counted = await client.callTool("word_count", { text: "one two  three\nfour\n" });
    expect(counted).toMatchObject({ isError: false });
    expect(textOf(counted)).toBe("4 words, 2 lines, 20 characters");
    expect(textOf(await client.callTool("word_count", { text: "one" }))).toBe("1 word, 1 line, 3 characters");
    expect(textOf(await client.callTool("checksum", { text: "abc" }))).toBe(
      "sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(textOf(await client.callTool("now", {}))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const refused = await client.callTool("now", { time_zone: "Mars/Olympus" });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('unknown time zone "Mars/Olympus"');
  });

  it("leaves no process behind once the client closes", async () => {
    const client = await setup();
    const pid = client.pid;
    expect(pid && isProcessAlive(pid)).toBe(true);
    await client.close();
    expect(pid && isProcessAlive(pid)).toBe(false);
  });

  it("is offered as an inline --mcp-config entry naming the same command", () => {
    expect(JSON.parse(demoMcpConfig())).toEqual({
      mcpServers: { [DEMO_MCP_SERVER]: demoMcpServerCommand() },
    });
  });
});
