// s13 in `lcc -p`: the run ends when the model's turn ends; a background command still running is
// stopped (said on stderr, nothing left in the process table), and one the model waits for is reported.
import { execFileSync } from "node:child_process";
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
