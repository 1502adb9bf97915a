// Runs one shell command in its own process group: combined output, exit code, timeout, abort.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import type { Readable } from "node:stream";
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
  /** Set when `handoff` took the command over: it is still running, owned by the taker. */
  handedOff?: { reason: HandoffReason; note: string };
}

/** Why a running foreground command is handed over instead of killed. */
export type HandoffReason = "timeout" | "server";

/** A command still running, handed to a caller that now owns its process group and its pipes. */
export interface RunningCommand {
  command: string;
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** The output so far (bounded like a result's; the pipes deliver the rest to whoever listens now). */
  output: string;
  reason: HandoffReason;
  /** Date.now() when the command started. */
  startedAt: number;
}

/**
 * Lets a caller take over a command instead of killing it (s13 moves it to the background): at the
 * timeout, or when — once `serverAfterMs` have passed — `looksLikeServer` recognises its recent output.
 */
export interface ShellHandoff {
  /** Earliest time after the start at which output may mark the command as a server (default: never). */
  serverAfterMs?: number;
  /** True when the recent output (its last ~2,000 characters) says the command serves and keeps running. */
  looksLikeServer?(recentOutput: string): boolean;
  /**
   * Takes the command; returns the note the result ends with (its id, what to do next), or undefined to
   * refuse (then the timeout kills it as usual and a server keeps running in the foreground). Must not throw.
   */
  take(running: RunningCommand): string | undefined;
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
  /** Hand the command over instead of killing it at the timeout, or when it looks like a server. */
  handoff?: ShellHandoff;
}

/** How much recent output `looksLikeServer` sees (a line split across chunks is still whole). */
const RECENT_OUTPUT_CHARS = 2000;

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
 * With `handoff`, a command past its timeout or looking like a server is handed over, still running,
 * and the result (output so far, `handedOff`) returns at once; without it nothing changes.
 */
export function runShell(command: string, options: ShellOptions): Promise<ShellRun> {
  const timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_SHELL_TIMEOUT_MS, MAX_SHELL_TIMEOUT_MS);
  const collector = createOutputCollector(options.maxChars ?? MAX_TOOL_OUTPUT_CHARS);
  const env = options.env ?? withoutHarnessSecrets(process.env);
  const { handoff } = options;
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(userShell(env), ["-c", command], {
      cwd: options.cwd,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let settled = false;
    let recent = "";
    let serverSeen = false;
    let serverWindowOpen = false;
    let serverTimer: NodeJS.Timeout | undefined;
    /** Gives the running command to `handoff`; true when it was taken (the result then says so). */
    const handOver = (reason: HandoffReason): boolean => {
      if (!handoff || settled || child.exitCode !== null || child.signalCode !== null) return false;
      const { output, droppedChars } = collector.result();
      child.stdout.off("data", onData);
      child.stderr.off("data", onData);
      const note = handoff.take({ command, child, output, reason, startedAt });
      if (note === undefined) {
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        return false;
      }
      settled = true;
      guard.release();
      clearTimeout(serverTimer);
      resolve({
        output,
        droppedChars,
        exitCode: null,
        signal: null,
        timedOut: false,
        aborted: false,
        handedOff: { reason, note },
      });
      return true;
    };
    const onData = (chunk: string) => {
      collector.add(chunk);
      if (!handoff?.looksLikeServer || serverSeen) return;
      recent = (recent + chunk).slice(-RECENT_OUTPUT_CHARS);
      serverSeen = handoff.looksLikeServer(recent);
      // Before serverAfterMs the timer below hands it over; after, the line that says so does.
      if (serverSeen && serverWindowOpen) handOver("server");
    };
    const guard = guardProcessGroup(
      child,
      timeoutMs,
      options.signal,
      handoff ? () => handOver("timeout") : undefined,
    );
    if (handoff?.looksLikeServer && handoff.serverAfterMs !== undefined) {
      serverTimer = setTimeout(() => {
        serverWindowOpen = true;
        if (serverSeen) handOver("server");
      }, handoff.serverAfterMs);
    }
    child.stdout.setEncoding("utf8").on("data", onData);
    child.stderr.setEncoding("utf8").on("data", onData);
    const flags = () => ({ timedOut: guard.timedOut(), aborted: guard.aborted() });
    const finish = (run: ShellRun) => {
      clearTimeout(serverTimer);
      if (settled) return;
      settled = true;
      resolve(run);
    };
    child.once("error", (error) => {
      guard.release();
      collector.add(`${error.message}\n`);
      finish({ ...collector.result(), exitCode: null, signal: null, ...flags() });
    });
    child.once("close", (exitCode, signal) => {
      finish({ ...collector.result(), exitCode, signal, ...flags() });
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
