// `!cmd`: real bash in the workspace, the harness's key kept out, the whole process group killed on abort and
// at the timeout, output capped and made safe to print, and the context that rides with the next message.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace, isProcessAlive } from "@lcc/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printable, runUserShell, shellContext, USER_SHELL_MAX_CHARS } from "./user-shell.ts";

let workspace: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: workspace, cleanup } = await createTempWorkspace({ files: { "notes.txt": "hello\n" } }));
});
afterAll(() => cleanup());

const env = { PATH: process.env.PATH, SHELL: "/bin/bash", ANTHROPIC_API_KEY: "sk-secret", HOME: "/tmp" };
const run = (command: string, extra: { signal?: AbortSignal; timeoutMs?: number } = {}) =>
  runUserShell(command, { workspace, env, ...extra });

async function waitFor(check: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !check(); tries++)
    await new Promise((resolve) => setTimeout(resolve, 25));
}

describe("runUserShell", () => {
  it("runs in the workspace with bash, stdout and stderr together, and reports the exit code", async () => {
    const result = await run('cat notes.txt; pwd; echo "oops" >&2; [[ 1 == 1 ]] && exit 3');
    expect(result).toEqual({
      output: `hello\n${workspace}\noops\n`,
      exitCode: 3,
      interrupted: false,
      timedOut: false,
    });
  });

  it("keeps the harness's API key from the command", async () => {
    expect((await run("echo ${ANTHROPIC_API_KEY:-absent}")).output).toBe("absent\n");
  });

  it("kills the whole process group when aborted", async () => {
    const pidFile = join(workspace, "sleeper.pid");
    const controller = new AbortController();
    const running = run(`sleep 30 & echo $! > ${pidFile}; wait`, { signal: controller.signal });
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, "utf8").endsWith("\n"));
    const sleeper = Number(readFileSync(pidFile, "utf8"));
    controller.abort();
    const result = await running;
    expect(result).toMatchObject({ exitCode: null, interrupted: true, timedOut: false });
    await waitFor(() => !isProcessAlive(sleeper));
    expect(isProcessAlive(sleeper)).toBe(false);
  });

  it("kills it at the timeout", async () => {
    const started = Date.now();
    const result = await run("echo before; sleep 30", { timeoutMs: 300 });
    expect(result).toMatchObject({ output: "before\n", exitCode: null, interrupted: false, timedOut: true });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("caps the output, keeping its head and tail", async () => {
    const result = await run("echo first; head -c 100000 /dev/zero | tr '\\0' x; echo; echo last");
    expect(result.output.length).toBeLessThanOrEqual(USER_SHELL_MAX_CHARS);
    expect(result.output).toMatch(/^first\n/);
    expect(result.output).toMatch(/characters cut from the middle/);
    expect(result.output).toMatch(/\nlast\n$/);
  });

  it("strips cursor movement from the output but keeps colours", async () => {
    const result = await run("printf '\\033[2J\\033[Hred: \\033[31mR\\033[0m\\n'");
    expect(result.output).toBe("red: \x1b[31mR\x1b[0m\n");
  });
});

describe("printable", () => {
  it("removes escape sequences other than colours, and control characters", () => {
    expect(printable("\x1b]0;title\x07a\x1b[1A\x1b[?25lb\x1b[1;32mc\x1b[0m\x1b7\x1b(B\x07\x00d\ttab")).toBe(
      "ab\x1b[1;32mc\x1b[0md\ttab",
    );
  });

  it("keeps the last state of a line redrawn with carriage returns", () => {
    expect(printable("10%\r50%\r100%\nnext\r\nend\r")).toBe("100%\nnext\nend");
  });
});

describe("shellContext", () => {
  it("writes the command and its output as Claude Code's bash mode does", () => {
    const result = { output: "\x1b[32mok\x1b[0m\n\n", exitCode: 0, interrupted: false, timedOut: false };
    expect(shellContext("npm test", result)).toBe(
      "<bash-input>npm test</bash-input>\n<bash-stdout>ok</bash-stdout>",
    );
  });

  it("adds the status when it did not exit 0", () => {
    const base = { output: "x\n", interrupted: false, timedOut: false };
    const status = (result: Parameters<typeof shellContext>[1]) => shellContext("c", result).split("\n")[2];
    expect(status({ ...base, exitCode: 2 })).toBe("<bash-status>exit code 2</bash-status>");
    expect(status({ ...base, exitCode: null, interrupted: true })).toBe(
      "<bash-status>interrupted by the user</bash-status>",
    );
    expect(status({ ...base, exitCode: null, timedOut: true })).toBe(
      "<bash-status>killed at the timeout</bash-status>",
    );
  });
});
