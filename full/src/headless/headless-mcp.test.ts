// MCP in `lcc -p` end to end: the real process against the fake API with real MCP servers (s19) —
// --mcp-config values, a bad one refused before anything starts, pairing on every request sent.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTempWorkspace, reply, type Script, startFakeApi, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

async function setup(script: Script = [reply(text("done"))]) {
  const workspace = await createTempWorkspace({ files: { "notes.txt": "alpha\n" } });
  const fake = await startFakeApi({ script });
  addCleanup(workspace.cleanup, () => fake.close());
  const lcc = (args: string[], cwd = workspace.dir) => runLcc({ args, cwd, baseURL: fake.baseURL });
  return { workspace: workspace.dir, fake, lcc };
}

describe("lcc -p with MCP servers", () => {
  it("refuses a --mcp-config it cannot read (missing file, bad JSON, no mcpServers) with exit 2 and asks nothing", async () => {
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
});
