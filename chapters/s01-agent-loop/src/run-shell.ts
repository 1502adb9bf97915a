// Runs one shell command in its own process group: combined output, exit code, timeout, abort.
import { spawn } from "node:child_process";
import { joinHeadAndTail, keptChars, MAX_TOOL_OUTPUT_CHARS } from "./cap-output.ts";
import { guardProcessGroup } from "./process-group.ts";

export const DEFAULT_SHELL_TIMEOUT_MS = 120_000;
export const MAX_SHELL_TIMEOUT_MS = 600_000;

export interface ShellRun {
  /** stdout and stderr interleaved as they arrived; at most `maxChars`, head and tail kept with a marker. */
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
  /**
   * The command's whole environment; default `withoutHarnessSecrets(process.env)`. A caller that
   * passes its own decides what the command may see.
   */
  env?: NodeJS.ProcessEnv;
  maxChars?: number;
}

/** The harness's own credentials: the commands the model runs never see them. */
export const HARNESS_SECRET_ENV_NAMES: readonly string[] = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"];

/**
 * A copy of `env` without the harness's secrets: HARNESS_SECRET_ENV_NAMES and every name the user
 * lists, comma-separated, in `LCC_SECRET_ENV` (e.g. `LCC_SECRET_ENV=GITHUB_TOKEN,DB_PASSWORD`).
 * Otherwise the model could read the key with `printenv`.
 */
export function withoutHarnessSecrets(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const listed = (env.LCC_SECRET_ENV ?? "").split(",").map((name) => name.trim());
  const secrets = new Set([...HARNESS_SECRET_ENV_NAMES, ...listed.filter(Boolean)]);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !secrets.has(name)));
}

/** The user's shell, falling back to bash. */
export function userShell(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHELL && !env.SHELL.endsWith("/nologin") ? env.SHELL : "/bin/bash";
}

/**
 * Spawns `command` through the user's shell as the leader of a new process group, so a timeout or
 * an abort kills it and every process it started (grandchildren too). When the shell exits, whatever
 * it left running in its group is killed as well, so `server &` neither outlives the command nor keeps
 * the result waiting. Never rejects for a failing command: the exit code, timeout and abort are
 * reported in the result. The harness's secrets are left out of the environment unless `env` is given.
 */
export function runShell(command: string, options: ShellOptions): Promise<ShellRun> {
  const timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_SHELL_TIMEOUT_MS, MAX_SHELL_TIMEOUT_MS);
  const collector = createOutputCollector(options.maxChars ?? MAX_TOOL_OUTPUT_CHARS);
  const env = options.env ?? withoutHarnessSecrets(process.env);
  return new Promise((resolve) => {
    const child = spawn(userShell(env), ["-c", command], {
      cwd: options.cwd,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const guard = guardProcessGroup(child, timeoutMs, options.signal);
    child.stdout.setEncoding("utf8").on("data", collector.add);
    child.stderr.setEncoding("utf8").on("data", collector.add);
    const flags = () => ({ timedOut: guard.timedOut(), aborted: guard.aborted() });
    child.once("error", (error) => {
      guard.release();
      collector.add(`${error.message}\n`);
      resolve({ ...collector.result(), exitCode: null, signal: null, ...flags() });
    });
    child.once("close", (exitCode, signal) => {
      resolve({ ...collector.result(), exitCode, signal, ...flags() });
    });
  });
}

/** Keeps the head and a rolling tail of the output, so memory stays bounded however much arrives. */
function createOutputCollector(maxChars: number) {
  const limit = keptChars(maxChars);
  let head = "";
  let tail = "";
  let totalChars = 0;
  const trimTail = () => {
    tail = tail.slice(tail.length - limit.tail);
  };
  return {
    add(chunk: string): void {
      totalChars += chunk.length;
      if (head.length < limit.head) {
        const room = limit.head - head.length;
        head += chunk.slice(0, room);
        chunk = chunk.slice(room);
      }
      tail += chunk;
      // Trimmed in batches; never while the whole output could still fit in maxChars.
      if (tail.length > limit.tail + maxChars) trimTail();
    },
    result(): { output: string; droppedChars: number } {
      if (totalChars <= maxChars) return { output: head + tail, droppedChars: 0 };
      trimTail();
      return {
        output: joinHeadAndTail(head, tail, totalChars),
        droppedChars: totalChars - head.length - tail.length,
      };
    },
  };
}
