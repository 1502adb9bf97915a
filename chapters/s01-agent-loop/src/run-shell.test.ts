import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createTempWorkspace, isProcessAlive } from "@lcc/testkit";
import { isCommandAvailable, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it, vi } from "vitest";
import { runBashTool } from "./bash-tool.ts";
import { capOutput, MAX_TOOL_OUTPUT_CHARS } from "./cap-output.ts";
import { deniedReason } from "./dangerous-commands.ts";
import { runShell, withoutHarnessSecrets } from "./run-shell.ts";

const addCleanup = useCleanups();
const hasSetsid = isCommandAvailable("setsid", ["--version"]);

/** Sets process variables for this test only (the shell inherits process.env by default). */
function stubEnv(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  addCleanup(() => vi.unstubAllEnvs());
}

async function setup() {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  return workspace.dir;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

async function waitUntilDead(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe("runShell", () => {
  it("combines stdout and stderr and reports the exit code", async () => {
    const cwd = await setup();
    const run = await runShell("echo out; echo err >&2; exit 3", { cwd });
    expect(run.output).toContain("out");
    expect(run.output).toContain("err");
    expect(run.exitCode).toBe(3);
  });

  it("runs in the workspace directory", async () => {
    const cwd = await setup();
    expect((await runShell("pwd", { cwd })).output.trim()).toBe(cwd);
  });

  it("kills the child and its grandchildren when the timeout passes", async () => {
    const cwd = await setup();
    const started = Date.now();
    const run = await runShell("sleep 30 & echo $! > grandchild.pid; sleep 30", { cwd, timeoutMs: 300 });
    expect(run.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    const grandchild = Number((await readFile(join(cwd, "grandchild.pid"), "utf8")).trim());
    expect(await waitUntilDead(grandchild)).toBe(true);
  });

  it("kills the process group when the signal aborts", async () => {
    const cwd = await setup();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const run = await runShell("sleep 30 & echo $! > grandchild.pid; wait", {
      cwd,
      signal: controller.signal,
    });
    expect(run.aborted).toBe(true);
    const grandchild = Number((await readFile(join(cwd, "grandchild.pid"), "utf8")).trim());
    expect(await waitUntilDead(grandchild)).toBe(true);
  });

  it("keeps memory bounded on huge output and says exactly how much was cut", async () => {
    const cwd = await setup();
    const run = await runShell("yes line | head -n 200000", { cwd, maxChars: 10_000 });
    expect(run.output.length).toBeLessThanOrEqual(10_000);
    expect(run.droppedChars).toBe(1_000_000 - 9_800);
    expect(run.output).toContain(`[... ${run.droppedChars} characters cut from the middle of 1000000 ...]`);
    expect(run.output.startsWith("line\nline\n")).toBe(true);
    expect(run.output.endsWith("line\nline\n")).toBe(true);
  });

  it("keeps output of exactly maxChars whole, even for a tiny cap", async () => {
    const cwd = await setup();
    const run = await runShell("printf 0123456789", { cwd, maxChars: 10 });
    expect(run).toMatchObject({ output: "0123456789", droppedChars: 0 });
  });

  it("returns when the shell exits and kills what it left running in the background", async () => {
    const cwd = await setup();
    const started = Date.now();
    const run = await runShell("sleep 30 & echo $! > background.pid; echo started", { cwd });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run).toMatchObject({ output: "started\n", exitCode: 0, timedOut: false });
    const background = Number((await readFile(join(cwd, "background.pid"), "utf8")).trim());
    expect(await waitUntilDead(background)).toBe(true);
  });

  it("hides the harness's key, token and the secrets listed in LCC_SECRET_ENV from the command", async () => {
    const cwd = await setup();
    stubEnv({
      ANTHROPIC_API_KEY: "sk-ant-hidden-7f3a",
      ANTHROPIC_AUTH_TOKEN: "token-hidden-7f3a",
      LCC_SECRET_ENV: "DB_PASSWORD, GITHUB_TOKEN",
      DB_PASSWORD: "db-hidden-7f3a",
      GITHUB_TOKEN: "gh-hidden-7f3a",
      SHARED_SETTING: "visible",
    });
    const run = await runShell("env", { cwd });
    expect(run.exitCode).toBe(0);
    expect(run.output).not.toContain("hidden-7f3a");
    expect(run.output).toContain("SHARED_SETTING=visible");
  });

  it("runs with exactly the environment a caller passes", async () => {
    const cwd = await setup();
    stubEnv({ FROM_PROCESS: "process" });
    const run = await runShell("printenv ONLY_THIS; printenv FROM_PROCESS", {
      cwd,
      env: { ONLY_THIS: "given", PATH: process.env.PATH ?? "" },
    });
    expect(run.output).toBe("given\n");
  });

  it.skipIf(!hasSetsid)(
    "does not wait for a process that left the group but holds the output pipe",
    async () => {
      const cwd = await setup();
      const started = Date.now();
      const run = await runShell("setsid sleep 30 & echo $! > escaped.pid; echo done", { cwd });
      const escaped = Number((await readFile(join(cwd, "escaped.pid"), "utf8")).trim());
      addCleanup(() => killQuietly(escaped));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(run).toMatchObject({ output: "done\n", exitCode: 0, timedOut: false });
    },
  );
});

describe("bash tool", () => {
  it("reports a timeout as an error that tells the model what to do", async () => {
    const cwd = await setup();
    const result = await runBashTool(
      { command: "sleep 5", timeout_ms: 100 },
      cwd,
      new AbortController().signal,
    );
    expect(result.isError).toBe(true);
    expect(result.text).toContain("timed out after 100 ms");
    expect(result.text).toContain("Raise timeout_ms (max 600000)");
  });

  it("caps a huge output once, with one marker that states the real size", async () => {
    const cwd = await setup();
    const result = await runBashTool(
      { command: "yes line | head -n 200000" },
      cwd,
      new AbortController().signal,
    );
    expect(result.text.length).toBeLessThanOrEqual(MAX_TOOL_OUTPUT_CHARS + "\n[exit code 0]".length);
    expect(result.text.match(/characters cut from the middle of/g)).toHaveLength(1);
    expect(result.text).toContain("characters cut from the middle of 1000000 ...]");
    expect(result.text.endsWith("line\n[exit code 0]")).toBe(true);
  });

  it.each([
    ["sudo rm -rf /tmp/x", true],
    ["rm -rf /", true],
    ["rm -fr ~", true],
    ["shutdown -h now", true],
    ["dd if=/dev/zero of=/dev/sda", true],
    ["echo hi > /dev/nvme0n1", true],
    ["mkfs.ext4 /dev/sdb1", true],
    ["rm -rf ./build", false],
    ["ls /", false],
    ["echo sudoku", false],
    ["git log --oneline", false],
  ])("deny-list: %s → refused=%s", (command, refused) => {
    expect(Boolean(deniedReason(command))).toBe(refused);
  });

  it("cannot print the API key the harness itself uses", async () => {
    const cwd = await setup();
    stubEnv({ ANTHROPIC_API_KEY: "sk-ant-secret-key" });
    const result = await runBashTool(
      { command: "printenv ANTHROPIC_API_KEY" },
      cwd,
      new AbortController().signal,
    );
    expect(result.text).toBe("(no output)\n[exit code 1]");
  });

  it("refuses a denied command with an explanation and does not run it", async () => {
    const cwd = await setup();
    const result = await runBashTool({ command: "sudo touch owned" }, cwd, new AbortController().signal);
    expect(result).toMatchObject({ isError: true });
    expect(result.text).toContain("Refused: sudo runs commands as root");
  });
});

describe("withoutHarnessSecrets", () => {
  it("drops the key, the token and the listed names, and keeps everything else", () => {
    const env = {
      ANTHROPIC_API_KEY: "k",
      ANTHROPIC_AUTH_TOKEN: "t",
      LCC_SECRET_ENV: " A ,,B",
      A: "a",
      B: "b",
      C: "c",
    };
    expect(withoutHarnessSecrets(env)).toEqual({ LCC_SECRET_ENV: " A ,,B", C: "c" });
    expect(env.ANTHROPIC_API_KEY).toBe("k");
  });
});

describe("capOutput", () => {
  it("keeps short text unchanged", () => {
    expect(capOutput("short", 100)).toBe("short");
  });

  it("keeps head and tail and says how much was cut", () => {
    const text = `${"a".repeat(5000)}${"b".repeat(5000)}`;
    const capped = capOutput(text, 1000, "Full text: /tmp/x.txt");
    expect(capped.length).toBeLessThan(1100);
    expect(capped.startsWith("aaa")).toBe(true);
    expect(capped.endsWith("bbb")).toBe(true);
    expect(capped).toMatch(
      /\[\.\.\. \d+ characters cut from the middle of 10000 \.\.\. Full text: \/tmp\/x\.txt\]/,
    );
  });
});
