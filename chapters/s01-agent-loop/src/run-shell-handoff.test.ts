// runShell's handoff (used by s13): a command past its timeout, or one that looks like a server, is
// handed over still running instead of killed; a refused handoff and no handoff behave as before.
import { createTempWorkspace, isProcessAlive } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { runBashTool } from "./bash-tool.ts";
import { type RunningCommand, runShell, type ShellHandoff } from "./run-shell.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  return workspace.dir;
}

/** A handoff that records what it took, collects later output, and kills the group after the test. */
function recordingHandoff(options: Partial<ShellHandoff> & { refuse?: boolean } = {}) {
  const taken: RunningCommand[] = [];
  let later = "";
  const handoff: ShellHandoff = {
    ...options,
    take(running) {
      if (options.refuse) return undefined;
      taken.push(running);
      running.child.stdout.on("data", (chunk: string) => {
        later += chunk;
      });
      addCleanup(() => {
        try {
          if (running.child.pid) process.kill(-running.child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      });
      return "moved to the background as b1";
    },
  };
  return { handoff, taken, later: () => later };
}

const looksLikeServer = (text: string) => text.includes("listening on");

describe("runShell with a handoff", () => {
  it("hands a command past its timeout over, still running, with the output so far", async () => {
    const cwd = await setup();
    const { handoff, taken } = recordingHandoff();
    const run = await runShell("echo early; sleep 30", { cwd, timeoutMs: 200, handoff });
    expect(run).toMatchObject({
      output: "early\n",
      timedOut: false,
      exitCode: null,
      handedOff: { reason: "timeout", note: "moved to the background as b1" },
    });
    expect(taken).toHaveLength(1);
    expect(taken[0]?.reason).toBe("timeout");
    expect(isProcessAlive(taken[0]?.child.pid ?? 0)).toBe(true);
  });

  it("hands over a command that prints a server line, once serverAfterMs has passed", async () => {
    const cwd = await setup();
    const { handoff, taken, later } = recordingHandoff({ serverAfterMs: 50, looksLikeServer });
    const run = await runShell("echo 'listening on :3000'; sleep 0.4; echo later; sleep 30", {
      cwd,
      handoff,
    });
    expect(run.handedOff?.reason).toBe("server");
    expect(run.output).toBe("listening on :3000\n");
    // The taker owns the pipes now: what the command prints next reaches it, not the result.
    for (let attempt = 0; attempt < 100 && !later().includes("later"); attempt++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(later()).toBe("later\n");
    expect(isProcessAlive(taken[0]?.child.pid ?? 0)).toBe(true);
  });

  it("leaves a command that exits before serverAfterMs in the foreground", async () => {
    const cwd = await setup();
    const { handoff, taken } = recordingHandoff({ serverAfterMs: 60_000, looksLikeServer });
    const run = await runShell("echo 'listening on :3000'; sleep 0.2; echo bye", { cwd, handoff });
    expect(taken).toHaveLength(0);
    expect(run).toMatchObject({ output: "listening on :3000\nbye\n", exitCode: 0 });
    expect(run.handedOff).toBeUndefined();
  });

  it("kills at the timeout as before when the taker refuses", async () => {
    const cwd = await setup();
    const { handoff } = recordingHandoff({ refuse: true });
    const run = await runShell("echo early; sleep 30", { cwd, timeoutMs: 200, handoff });
    expect(run).toMatchObject({ output: "early\n", timedOut: true });
    expect(run.handedOff).toBeUndefined();
  });

  it("tells the model the taker's note instead of an error", async () => {
    const cwd = await setup();
    const { handoff } = recordingHandoff();
    const result = await runBashTool(
      { command: "echo compiling; sleep 30", timeout_ms: 200 },
      cwd,
      new AbortController().signal,
      { handoff },
    );
    expect(result).toMatchObject({ isError: false, text: "compiling\n[moved to the background as b1]" });
  });
});
