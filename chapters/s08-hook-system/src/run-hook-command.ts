// Runs one hook command: the user's shell in its own process group, the event JSON on stdin, stdout
// and stderr kept apart and capped, a timeout and the turn's abort killing the whole group.
import { spawn } from "node:child_process";
import { guardProcessGroup, userShell, withoutHarnessSecrets } from "@lcc/s01";

/** Characters of stdout and of stderr kept from one hook (the rest is dropped and counted). */
export const HOOK_OUTPUT_MAX_CHARS = 20_000;

export interface HookCommandRun {
  /** null when the process was killed (timeout, abort) or never started. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** The shell could not be started (its message). */
  spawnError?: string;
}

export interface HookCommandOptions {
  cwd: string;
  /** The JSON text written to the hook's stdin. */
  input: string;
  timeoutMs: number;
  signal: AbortSignal;
  /** Extra variables (CLAUDE_PROJECT_DIR); the rest is the process environment without the harness's secrets. */
  env: Record<string, string>;
  baseEnv?: NodeJS.ProcessEnv;
}

/**
 * Runs `command` with `$SHELL -c`. Never rejects: a timeout, an abort, a crash or a shell that cannot
 * start are all reported in the result. The group is killed when the shell exits too, so a hook that
 * leaves `sleep 100 &` behind does not keep the agent waiting.
 */
export function runHookCommand(command: string, options: HookCommandOptions): Promise<HookCommandRun> {
  const env = { ...withoutHarnessSecrets(options.baseEnv ?? process.env), ...options.env };
  return new Promise((resolve) => {
    const child = spawn(userShell(env), ["-c", command], {
      cwd: options.cwd,
      env,
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const stdout = createCappedText();
    const stderr = createCappedText();
    let spawnError: string | undefined;
    const guard = guardProcessGroup(child, options.timeoutMs, options.signal);
    // A hook that never reads stdin (or exits first) must not fail the run with EPIPE.
    child.stdin.on("error", () => {});
    child.stdin.end(options.input);
    child.stdout.setEncoding("utf8").on("data", stdout.add);
    child.stderr.setEncoding("utf8").on("data", stderr.add);
    child.once("error", (error) => {
      spawnError = error.message;
    });
    child.once("close", (exitCode) => {
      guard.release();
      const timedOut = guard.timedOut();
      const aborted = guard.aborted();
      resolve({
        exitCode: timedOut || aborted ? null : exitCode,
        stdout: stdout.text(),
        stderr: stderr.text(),
        timedOut,
        aborted,
        ...(spawnError ? { spawnError } : {}),
      });
    });
  });
}

function createCappedText() {
  let kept = "";
  let dropped = 0;
  return {
    add(chunk: string) {
      const room = HOOK_OUTPUT_MAX_CHARS - kept.length;
      kept += chunk.slice(0, Math.max(room, 0));
      dropped += Math.max(chunk.length - Math.max(room, 0), 0);
    },
    text: () => (dropped > 0 ? `${kept}\n[… ${dropped} more characters dropped]` : kept),
  };
}
