// s13 and s14 in `lcc -p`: the run ends when the model's turn ends; a background command still running
// is stopped (said on stderr, nothing left in the process table), one the model waits for is reported,
// and a scheduled prompt never fires (no later turn would carry it: its minute stays free for a REPL).
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTempWorkspace, reply, type Script, startFakeApi, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

async function setup(script: Script) {
  const workspace = await createTempWorkspace();
  const fake = await startFakeApi({ script });
  addCleanup(workspace.cleanup, () => fake.close());
  return { fake, run: () => runLcc({ args: ["-p", "go"], cwd: workspace.dir, baseURL: fake.baseURL }) };
}

/** Command lines of every process whose command line contains `marker`. */
function processesWith(marker: string): string[] {
  return execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(marker) && !line.includes("ps -eo"));
}

describe("lcc -p with background commands (s13)", () => {
  it("stops a command still running when the turn ends and says so on stderr", {
    timeout: 60_000,
  }, async () => {
    const marker = `lcc-bg-left-${process.pid}`;
    const { run } = await setup([
      reply(toolUse("background_run", { command: `sleep 30 # ${marker}` })),
      reply(text("Started it.")),
    ]);
    const result = await run();
    expect(result.code).toBe(EXIT_CODES.success);
    expect(result.stdout).toBe("Started it.\n");
    expect(result.stderr).toBe(
      `lcc: stopping 1 background command still running at the end of the run: b1 (sleep 30 # ${marker}); lcc -p waits for one only when the model asks (background_check with wait_ms)\n`,
    );
    expect(processesWith(marker)).toEqual([]);
  });

  it("waits for a command when the model asks with wait_ms, and reports its output", {
    timeout: 60_000,
  }, async () => {
    const { run, fake } = await setup([
      reply(toolUse("background_run", { command: "sleep 0.3; echo build finished" })),
      reply(toolUse("background_check", { id: "b1", wait_ms: 10_000 })),
      reply(text("The build finished.")),
    ]);
    const result = await run();
    expect(result.code).toBe(EXIT_CODES.success);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("The build finished.\n");
    const checked = JSON.stringify(fake.messageRequests()[2]!.body.messages.at(-1));
    expect(checked).toContain("build finished");
  });
});

describe("lcc -p with scheduled prompts (s14)", () => {
  it("never fires a durable job that is due, and leaves cron.json as it was", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace();
    const fake = await startFakeApi({ script: [reply(text("Hello."))] });
    addCleanup(workspace.cleanup, () => fake.close());
    const path = join(workspace.dir, ".lcc", "cron.json");
    await mkdir(join(workspace.dir, ".lcc"), { recursive: true, mode: 0o700 });
    const job = { id: "0000cafe", cron: "* * * * *", prompt: "tick", recurring: true };
    const jobs = {
      version: 1,
      jobs: [{ ...job, createdAt: new Date(Date.now() - 3_600_000).toISOString() }],
    };
    await writeFile(path, `${JSON.stringify(jobs, null, 2)}\n`, { mode: 0o600 });
    const before = await readFile(path, "utf8");
    const result = await runLcc({ args: ["-p", "hi"], cwd: workspace.dir, baseURL: fake.baseURL });
    expect(result.code).toBe(EXIT_CODES.success);
    expect(result.stdout).toBe("Hello.\n");
    expect(JSON.stringify(fake.messageRequests()[0]!.body.messages)).not.toContain("scheduled-prompt");
    expect(await readFile(path, "utf8")).toBe(before);
  });
});
