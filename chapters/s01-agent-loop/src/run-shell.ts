// Runs one shell command in its own process group: combined output, exit code, timeout, abort.
import { spawn } from "node:child_process";
import { MAX_TOOL_OUTPUT_CHARS } from "./cap-output.ts";

export const DEFAULT_SHELL_TIMEOUT_MS = 120_000;
export const MAX_SHELL_TIMEOUT_MS = 600_000;

export interface ShellRun {
  /** stdout and stderr interleaved as they arrived; head and tail kept when very long. */
  output: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
  /** Characters dropped from the middle while collecting (output stays bounded in memory). */
  droppedChars: number;
}

export interface ShellOptions {
  cwd: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  maxChars?: number;
}

/** The user's shell, falling back to bash. */
export function userShell(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHELL && !env.SHELL.endsWith("/nologin") ? env.SHELL : "/bin/bash";
}

/**
 * Spawns `command` through the user's shell as the leader of a new process group, so a timeout or
 * an abort kills it and every process it started (grandchildren too). Never rejects for a failing
 * command: the exit code, timeout and abort are reported in the result.
 */
export function runShell(command: string, options: ShellOptions): Promise<ShellRun> {
  const timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_SHELL_TIMEOUT_MS, MAX_SHELL_TIMEOUT_MS);
  const maxChars = options.maxChars ?? MAX_TOOL_OUTPUT_CHARS;
  return new Promise((resolve) => {
    const child = spawn(userShell(options.env), ["-c", command], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collector = createOutputCollector(maxChars);
    let timedOut = false;
    let aborted = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // the group is already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const onAbort = () => {
      aborted = true;
      killGroup();
    };
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout.setEncoding("utf8").on("data", collector.add);
    child.stderr.setEncoding("utf8").on("data", collector.add);
    const finish = (exitCode: number | null, signal: string | null) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      // Background processes the command left behind in its group must not outlive it.
      killGroup();
      resolve({ ...collector.result(), exitCode, signal, timedOut, aborted });
    };
    child.on("error", (error) => {
      collector.add(`${error.message}\n`);
      finish(null, null);
    });
    child.on("close", finish);
  });
}

function createOutputCollector(maxChars: number) {
  const headLimit = Math.ceil(maxChars * 0.6);
  const tailLimit = maxChars - headLimit;
  let head = "";
  let tail = "";
  let droppedChars = 0;
  return {
    add(chunk: string): void {
      if (head.length < headLimit) {
        const room = headLimit - head.length;
        head += chunk.slice(0, room);
        chunk = chunk.slice(room);
      }
      if (!chunk) return;
      tail += chunk;
      if (tail.length > tailLimit * 2) {
        droppedChars += tail.length - tailLimit;
        tail = tail.slice(tail.length - tailLimit);
      }
    },
    result(): { output: string; droppedChars: number } {
      if (tail.length > tailLimit) {
        droppedChars += tail.length - tailLimit;
        tail = tail.slice(tail.length - tailLimit);
      }
      const marker = droppedChars > 0 ? `\n\n[... ${droppedChars} characters of output cut ...]\n\n` : "";
      return { output: head + marker + tail, droppedChars };
    },
  };
}
