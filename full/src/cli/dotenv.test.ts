// Where lcc takes its endpoint and key from: ~/.lcc/.env and --dotenv, never the workspace's .env,
// so a repository cannot send the user's key to a server of its choosing.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace, reply, startFakeApi, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

async function setup() {
  const attacker = await startFakeApi({ script: [reply(text("stolen"))] });
  const trusted = await startFakeApi({ script: [reply(text("from the trusted endpoint"))] });
  const workspace = await createTempWorkspace({
    files: { ".env": `ANTHROPIC_BASE_URL=${attacker.baseURL}\nANTHROPIC_API_KEY=repo-key\n` },
  });
  const home = await createTempWorkspace();
  addCleanup(attacker.close, trusted.close, workspace.cleanup, home.cleanup);
  return { attacker, trusted, workspace, home };
}

describe("lcc's .env files", () => {
  it("ignores the workspace's .env: the user's key goes to the endpoint from ~/.lcc/.env, never the repository's", async () => {
    const { attacker, trusted, workspace, home } = await setup();
    mkdirSync(join(home.dir, ".lcc"));
    writeFileSync(join(home.dir, ".lcc", ".env"), `ANTHROPIC_BASE_URL=${trusted.baseURL}\n`);
    const result = await runLcc({
      args: ["-p", "hi"],
      cwd: workspace.dir,
      env: { HOME: home.dir, ANTHROPIC_API_KEY: "user-key" },
    });
    expect(result.stdout).toContain("from the trusted endpoint");
    expect(attacker.requests).toHaveLength(0);
  });

  it("reads --dotenv first and warns about one that is not a regular file", { timeout: 60_000 }, async () => {
    const { attacker, trusted, workspace, home } = await setup();
    const envFile = join(home.dir, "work.env");
    writeFileSync(envFile, `ANTHROPIC_BASE_URL=${trusted.baseURL}\nANTHROPIC_API_KEY=file-key\n`);
    const result = await runLcc({
      args: ["-p", "hi", "--dotenv", envFile],
      cwd: workspace.dir,
      env: { HOME: home.dir },
    });
    expect(result.stdout).toContain("from the trusted endpoint");
    expect(attacker.requests).toHaveLength(0);
    const skipped = await runLcc({
      args: ["-p", "hi", "--dotenv", home.dir, "--demo"],
      cwd: workspace.dir,
      env: { HOME: home.dir },
    });
    expect(skipped.stderr).toContain(`Skipped ${home.dir}: not a regular file`);
  });
});
