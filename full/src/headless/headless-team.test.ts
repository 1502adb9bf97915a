// s15–s16 in `lcc -p`: the run goes on while teammates work. Their reports wake the lead for another turn,
// the result counts the whole team's requests, the team is shut down through the handshake at the end, and a
// teammate's command is gone when a signal stops lcc.
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { requestsOf, teamScript } from "@lcc/s15";
import { shutdownAnswer } from "@lcc/s16";
import { createTempWorkspace, reply, type Script, startFakeApi, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../cli/help-text.ts";
import { isProcessAlive, runLcc, spawnLcc, waitFor } from "../test-harness.ts";

const addCleanup = useCleanups();

async function setup(script: Script, args: string[] = []) {
  const workspace = await createTempWorkspace();
  const fake = await startFakeApi({ script });
  addCleanup(workspace.cleanup, () => fake.close());
  const run = () =>
    runLcc({
      args: ["-p", "go", "--output-format", "json", ...args],
      cwd: workspace.dir,
      baseURL: fake.baseURL,
    });
  return { fake, workspace: workspace.dir, run };
}

describe("lcc -p with a team (s15)", () => {
  it("waits for a working teammate, runs the lead again for its report, and counts every request", {
    timeout: 60_000,
  }, async () => {
    const { run, fake, workspace } = await setup(
      teamScript({
        lead: [
          reply(toolUse("spawn_teammate", { name: "alice", role: "writer", prompt: "Write a.txt." })),
          reply(text("Alice is writing.")),
          reply(text("Alice wrote a.txt.")),
        ],
        alice: [
          // Slow enough that the lead's turn ends while alice still works.
          { ...reply(toolUse("write_file", { path: "a.txt", content: "from alice\n" })), delayMs: 500 },
          reply(text("a.txt written.")),
          // The run ends: the session asks the idle teammate to shut down (s16's handshake).
          shutdownAnswer(true),
        ],
      }),
      ["--permission-mode", "acceptEdits"],
    );
    const result = await run();
    expect(result.stderr).toBe("lcc: waiting for teammates still working: alice\n");
    expect(result.code).toBe(EXIT_CODES.success);
    const output = JSON.parse(result.stdout) as {
      result: string;
      num_turns: number;
      usage: { output_tokens: number };
    };
    expect(output.result).toBe("Alice wrote a.txt.");
    expect(output.num_turns).toBe(3);
    expect(await readFile(join(workspace, "a.txt"), "utf8")).toBe("from alice\n");
    const requests = fake.messageRequests();
    const alice = requestsOf(requests, "alice");
    expect(alice).toHaveLength(3);
    expect(JSON.stringify(alice[2]?.body.messages.at(-1))).toContain("shutdown_request");
    expect(JSON.stringify(requestsOf(requests, "lead")[2]?.body.messages.at(-1))).toContain("a.txt written.");
  });

  it("stopped by SIGTERM while a teammate runs a command, exits 143 and leaves no process behind", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace();
    const fake = await startFakeApi({
      script: teamScript({
        lead: [
          reply(toolUse("spawn_teammate", { name: "bob", role: "runner", prompt: "Run the long job." })),
          reply(text("Bob is running it.")),
        ],
        bob: [reply(toolUse("bash", { command: "echo $$ > job.pid; sleep 30" }))],
      }),
    });
    addCleanup(workspace.cleanup, () => fake.close());
    const lcc = spawnLcc({
      args: ["-p", "go", "--permission-mode", "bypassPermissions"],
      cwd: workspace.dir,
      baseURL: fake.baseURL,
    });
    addCleanup(() => lcc.child.kill("SIGKILL"));
    const pidFile = join(workspace.dir, "job.pid");
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "", "bob's command");
    const jobPid = Number(readFileSync(pidFile, "utf8"));
    lcc.child.kill("SIGTERM");
    const exited = await lcc.exited;
    expect(exited.code).toBe(EXIT_CODES.terminated);
    expect(exited.stderr).toContain("lcc: waiting for teammates still working: bob");
    expect(isProcessAlive(jobPid)).toBe(false);
  });

  it("refuses a bad LCC_TEAM_BACKEND in one line (exit 2) and an unreachable Redis (exit 1), before any request", {
    timeout: 60_000,
  }, async () => {
    const { fake, workspace } = await setup(teamScript({ lead: [reply(text("never"))] }));
    const lcc = (backend: string) =>
      runLcc({
        args: ["-p", "go"],
        cwd: workspace,
        baseURL: fake.baseURL,
        env: { LCC_TEAM_BACKEND: backend },
      });
    const typo = await lcc("redis:/localhost");
    expect(typo.code).toBe(EXIT_CODES.usage);
    expect(typo.stderr).toMatch(/^lcc: LCC_TEAM_BACKEND is invalid \(.*\): use redis:\/\/host:port\[\/db\]/);
    expect(typo.stderr.trim().split("\n")).toHaveLength(1);
    const down = await lcc("redis://127.0.0.1:1");
    expect(down.code).toBe(EXIT_CODES.failure);
    expect(down.stderr).toContain("lcc: cannot reach the Redis team backend at redis://127.0.0.1:1");
    expect(fake.messageRequests()).toHaveLength(0);
  });
});
