// lcc's REPL with a workspace `.mcp.json` naming the reference server-everything: the start line says where
// the server stands, the first prompt trusts it for this run (no terminal to ask, as s08's hooks), the model
// calls one of its tools end to end, and /mcp lists the server and its tools. The real `lcc` process, piped
// stdin, the fake API; pairing asserted on every request.
import {
  assertPairingInvariant,
  createTempWorkspace,
  reply,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { everythingServer, mcpServersJson } from "../mcp-test-servers.ts";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

describe("lcc with a project's MCP server", () => {
  it("starts it at the first prompt, calls its tool end to end and lists it under /mcp", {
    timeout: 90_000,
  }, async () => {
    const workspace = await createTempWorkspace({
      files: { ".mcp.json": mcpServersJson({ everything: everythingServer() }) },
    });
    const fake = await startFakeApi({
      script: [
        reply(
          text("Asking the MCP server."),
          toolUse("mcp__everything__echo", { message: "hello from lcc" }, "toolu_mcp_echo"),
        ),
        reply(text("It echoed.")),
      ],
    });
    addCleanup(workspace.cleanup, () => fake.close());
    const run = await runLcc({
      // MCP tools are asked about like any tool (s07); with no terminal to answer, a rule allows this server's.
      args: ["--allowedTools", "mcp__everything"],
      cwd: workspace.dir,
      baseURL: fake.baseURL,
      stdin: "echo something through MCP\n/mcp\n",
      timeoutMs: 80_000,
    });
    expect(run.code).toBe(0);
    // A workspace's server waits for approval: the start line says so and the prompt does not wait.
    expect(run.stdout).toContain("mcp: everything waits for your approval (asked at the first prompt)");
    expect(run.stdout).toMatch(/mcp: everything connected · \d+ tools/);
    expect(run.stdout).toMatch(
      /⏺ mcp__everything__echo\(hello from lcc\)\n {2}✓ allowed by mcp__everything \(flag\)\n {2}⎿ Echo: hello from lcc/,
    );
    // /mcp: the server, its scope and file, its state, then its tools by their full names.
    expect(run.stdout).toMatch(/everything · project \(\.mcp\.json\) · connected · \d+ tools/);
    expect(run.stdout).toContain("Tools of everything:");
    expect(run.stdout).toMatch(/^ {2}mcp__everything__echo · /m);
    const [first, second] = fake.messageRequests();
    // Deferred (its 13 tools are over s20's listed-MCP cap): named in tool_search's description, called directly.
    const firstTools = (first?.body.tools ?? []).map((tool) => ("name" in tool ? tool.name : ""));
    expect(firstTools).not.toContain("mcp__everything__echo");
    expect(JSON.stringify(first?.body.tools)).toContain("mcp__everything__echo");
    expect(JSON.stringify(second?.body.messages?.at(-1))).toContain("Echo: hello from lcc");
    expect(fake.messageRequests()).toHaveLength(2);
    assertPairingInvariant(fake.requests);
  });
});
