// Running a hook command for real: stdin, environment, separate streams, caps, timeout and abort kill the group.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { HOOK_OUTPUT_MAX_CHARS, runHookCommand } from "./run-hook-command.ts";

const addCleanup = useCleanups();

async function workspace() {
  const temp = await createTempWorkspace();
  addCleanup(temp.cleanup);
  return temp.dir;
}

const options = (cwd: string, extra: Partial<Parameters<typeof runHookCommand>[1]> = {}) => ({
  cwd,
  input: '{"hook_event_name":"Stop"}',
  timeoutMs: 5_000,
  signal: new AbortController().signal,
  env: { CLAUDE_PROJECT_DIR: cwd },
  ...extra,
});

describe("runHookCommand", () => {
  it("writes the JSON to stdin and keeps stdout, stderr and the exit code apart", async () => {
    const cwd = await workspace();
    const run = await runHookCommand('cat; echo "$CLAUDE_PROJECT_DIR" >&2; exit 3', options(cwd));
    expect(run).toMatchObject({ exitCode: 3, stdout: '{"hook_event_name":"Stop"}', timedOut: false });
    expect(run.stderr.trim()).toBe(cwd);
  });

  it("leaves the harness's key out of the hook's environment", async () => {
    const cwd = await workspace();
    const run = await runHookCommand('echo "key=$ANTHROPIC_API_KEY"', {
      ...options(cwd),
      baseEnv: { PATH: process.env.PATH ?? "", ANTHROPIC_API_KEY: "sk-secret" },
    });
    expect(run.stdout.trim()).toBe("key=");
  });

  it("caps what a hook prints", async () => {
    const cwd = await workspace();
    const run = await runHookCommand(
      `head -c ${HOOK_OUTPUT_MAX_CHARS * 3} /dev/zero | tr '\\0' x`,
      options(cwd),
    );
    expect(run.stdout.length).toBeLessThan(HOOK_OUTPUT_MAX_CHARS + 100);
    expect(run.stdout).toContain(`${HOOK_OUTPUT_MAX_CHARS * 2} more characters dropped`);
  });

  it("a timeout kills the hook and the processes it started", async () => {
    const cwd = await workspace();
    const started = Date.now();
    const run = await runHookCommand(`(sleep 1; touch "${join(cwd, "late")}") & sleep 30`, {
      ...options(cwd),
      timeoutMs: 200,
    });
    expect(run).toMatchObject({ timedOut: true, exitCode: null });
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(existsSync(join(cwd, "late"))).toBe(false);
  });

  it("the turn's abort kills the hook", async () => {
    const cwd = await workspace();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const run = await runHookCommand("sleep 30", { ...options(cwd), signal: controller.signal });
    expect(run).toMatchObject({ aborted: true, exitCode: null });
  });
});
