// `lcc -p` stopped by SIGTERM or SIGHUP during a slow tool call: the real process kills the command,
// still prints its result (naming the signal) and exits 128 + the signal's number.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assertPairingInvariant, createTempWorkspace, reply, startFakeApi, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { isProcessAlive, parseJsonLines, spawnLcc, waitFor } from "../test-harness.ts";

const addCleanup = useCleanups();

/** Starts `lcc -p` with `args` on a prompt whose tool call sleeps; resolves once the command runs. */
async function startSlowToolCall(args: string[]) {
  const workspace = await createTempWorkspace();
  const fake = await startFakeApi({
    script: [reply(toolUse("bash", { command: "echo $$ > job.pid; sleep 30" }, "toolu_slow_1"))],
  });
  addCleanup(workspace.cleanup, () => fake.close());
  // bypassPermissions: the sleeping command would be refused without a terminal (these tests are about signals).
  const lcc = spawnLcc({
    args: ["-p", "run it", "--permission-mode", "bypassPermissions", ...args],
    cwd: workspace.dir,
    baseURL: fake.baseURL,
  });
  addCleanup(() => lcc.child.kill("SIGKILL"));
  const pidFile = join(workspace.dir, "job.pid");
  await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "", "the command");
  return { lcc, fake, jobPid: Number(readFileSync(pidFile, "utf8")) };
}

const stops = [
  { signal: "SIGTERM", code: EXIT_CODES.terminated },
  { signal: "SIGHUP", code: EXIT_CODES.hangup },
] as const;

describe("lcc -p stopped by a signal", () => {
  it.each(stops)(
    "prints one error_interrupted json result naming $signal, then exits $code",
    {
      timeout: 60_000,
    },
    async ({ signal, code }) => {
      const { lcc, fake, jobPid } = await startSlowToolCall(["--output-format", "json"]);
      lcc.child.kill(signal);
      const exited = await lcc.exited;
      expect(exited.code).toBe(code);
      expect(JSON.parse(exited.stdout)).toMatchObject({
        type: "result",
        subtype: "error_interrupted",
        is_error: true,
        result: `terminated by ${signal}`,
      });
      expect(exited.stderr).toBe("");
      await waitFor(() => !isProcessAlive(jobPid), "the command to be killed");
      assertPairingInvariant(fake.requests);
    },
  );

  it("ends stream-json with the result, after the interrupted tool's result", {
    timeout: 60_000,
  }, async () => {
    const { lcc } = await startSlowToolCall(["--output-format", "stream-json"]);
    lcc.child.kill("SIGTERM");
    const exited = await lcc.exited;
    expect(exited.code).toBe(EXIT_CODES.terminated);
    const events = parseJsonLines(exited.stdout);
    expect(events.map((event) => event.type)).toEqual(["system", "assistant", "user", "result"]);
    expect(events.at(-1)).toMatchObject({ subtype: "error_interrupted", result: "terminated by SIGTERM" });
  });

  it("says which signal stopped it on stderr in text format", { timeout: 60_000 }, async () => {
    const { lcc } = await startSlowToolCall([]);
    lcc.child.kill("SIGTERM");
    const exited = await lcc.exited;
    expect(exited.code).toBe(EXIT_CODES.terminated);
    expect(exited.stderr).toBe("lcc: terminated by SIGTERM\n");
    expect(exited.stdout).toBe("");
  });
});
