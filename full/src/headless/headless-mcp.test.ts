// MCP in `lcc -p` end to end: the real process against the fake API with real MCP servers (s19) —
// --mcp-config values, a bad one refused before anything starts, pairing on every request sent.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  assertPairingInvariant,
  createTempWorkspace,
  reply,
  type Script,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { BROKEN_SERVER, everythingServer, mcpServersJson } from "../mcp-test-servers.ts";
import { parseJsonLines, runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

async function setup(script: Script = [reply(text("done"))], files: Record<string, string> = {}) {
  const workspace = await createTempWorkspace({ files: { "notes.txt": "alpha\n", ...files } });
  const fake = await startFakeApi({ script });
  addCleanup(workspace.cleanup, () => fake.close());
  const lcc = (args: string[], cwd = workspace.dir) => runLcc({ args, cwd, baseURL: fake.baseURL });
  return { workspace: workspace.dir, fake, lcc };
}

describe("lcc -p with MCP servers", () => {
  it("refuses a --mcp-config it cannot read (missing file, bad JSON, no mcpServers) with exit 2 and asks nothing", {
    timeout: 60_000,
  }, async () => {
    const { fake, lcc, workspace } = await setup();
    const missing = await lcc(["-p", "x", "--mcp-config", "nope.json"]);
    expect(missing.code).toBe(EXIT_CODES.usage);
    expect(missing.stderr).toContain(`lcc: --mcp-config ${join(workspace, "nope.json")}: no such file`);
    const broken = await lcc(["-p", "x", "--mcp-config", "{not json"]);
    expect(broken.code).toBe(EXIT_CODES.usage);
    expect(broken.stderr).toContain("--mcp-config <json>: not valid JSON");
    const shapeless = await lcc(["-p", "x", "--mcp-config", '{"servers":{}}']);
    expect(shapeless.stderr).toContain('expected {"mcpServers": {…}}');
    expect(fake.requests).toHaveLength(0);
  });

  it("reads a relative --mcp-config file from where lcc was run, not from --cwd", async () => {
    const { fake, lcc, workspace } = await setup();
    const runDir = await mkdtemp(join(tmpdir(), "lcc-run-dir-"));
    addCleanup(() => rm(runDir, { recursive: true, force: true }));
    await writeFile(join(runDir, "servers.json"), JSON.stringify({ mcpServers: {} }));
    const run = await lcc(["-p", "x", "--cwd", workspace, "--mcp-config", "servers.json"], runDir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(EXIT_CODES.success);
    expect(fake.requests).toHaveLength(1);
  });

  it("finds and calls a tool of a --mcp-config server end to end; the first request stays within 25 KB; init names the servers; a failing one is said on stderr", {
    timeout: 60_000,
  }, async () => {
    const { fake, lcc } = await setup([
      reply(toolUse("tool_search", { query: "sum two numbers" }, "toolu_search")),
      reply(
        toolUse("use_tool", { name: "mcp__everything__get-sum", input: { a: 2, b: 3 } }, "toolu_mcp_sum"),
      ),
      reply(text("2 + 3 is 5.")),
    ]);
    const servers = mcpServersJson({ everything: everythingServer(), broken: BROKEN_SERVER });
    const run = await lcc([
      "-p",
      "add 2 and 3 with the MCP server",
      ...["--mcp-config", servers, "--allowedTools", "mcp__everything", "--output-format", "stream-json"],
    ]);
    expect(run.code).toBe(EXIT_CODES.success);
    const events = parseJsonLines(run.stdout);
    const init = events[0] as { mcp_servers?: Array<{ name: string; status: string }> };
    expect(init.mcp_servers?.map((server) => server.name)).toEqual(["everything", "broken"]);
    expect(run.stderr).toMatch(/lcc: warning: mcp: broken failed: .*lcc-test-no-such-mcp-server/);
    const [first, second, third] = fake.messageRequests();
    // server-everything's 13 tools (~6 KB) are over s20's listed-MCP cap: found through tool_search instead.
    const names = (first?.body.tools ?? []).map((tool) => ("name" in tool ? tool.name : ""));
    expect(names).toEqual(expect.arrayContaining(["tool_search", "use_tool"]));
    expect(names.some((name) => name.startsWith("mcp__"))).toBe(false);
    expect(Buffer.byteLength(JSON.stringify(first?.body))).toBeLessThanOrEqual(25 * 1024);
    expect(JSON.stringify(second?.body.messages?.at(-1))).toContain("mcp__everything__get-sum");
    expect(JSON.stringify(third?.body.messages?.at(-1))).toContain("The sum of 2 and 3 is 5.");
    expect(events.at(-1)).toMatchObject({ type: "result", subtype: "success", result: "2 + 3 is 5." });
    assertPairingInvariant(fake.requests);
  });

  it("--strict-mcp-config leaves the workspace's .mcp.json out: only the --mcp-config servers start", {
    timeout: 60_000,
  }, async () => {
    const files = { ".mcp.json": mcpServersJson({ everything: everythingServer() }) };
    const { fake, lcc } = await setup([reply(text("one")), reply(text("two"))], files);
    const strict = await lcc(["-p", "x", "--strict-mcp-config", "--output-format", "stream-json"]);
    expect(parseJsonLines(strict.stdout)[0]).toMatchObject({ mcp_servers: [] });
    const usual = await lcc(["-p", "x", "--output-format", "stream-json"]);
    expect(parseJsonLines(usual.stdout)[0]).toMatchObject({ mcp_servers: [{ name: "everything" }] });
    const [withoutServers, withServers] = fake
      .messageRequests()
      .map((request) => JSON.stringify(request.body.tools));
    expect(withoutServers).not.toContain("mcp__everything");
    // Without a terminal a workspace's server is trusted for the run, as s08 trusts its hooks (its tools are
    // deferred: tool_search names them).
    expect(withServers).toContain("mcp__everything__echo");
  });
});
