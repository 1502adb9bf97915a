// The session's background commands: started by background_run or taken over from a foreground bash,
// output streamed to a bounded log, each end reported once (queued for the model, or in the check or
// kill result that was waiting for it), every group killed when the session closes.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { guardProcessGroup, type RunningCommand, userShell, withoutHarnessSecrets } from "@lcc/s01";
import type { EmitEvent, MessageQueue } from "@lcc/s02";
import { ensureLccHome, lccHome } from "@lcc/s04";
import "./background-events.ts";
import { type BackgroundJob, type BackgroundOrigin, formatBackgroundResult } from "./background-job.ts";
import { forgetGroup, rememberGroup } from "./exit-safety-net.ts";
import { createRotatingLog, DEFAULT_LOG_MAX_BYTES, readLogTail } from "./rotating-log.ts";
import { createLog, prepareRuntimeFolder, pruneStaleLogs } from "./runtime-folder.ts";

/** After SIGTERM, how long a group gets before SIGKILL (ms). */
export const DEFAULT_KILL_GRACE_MS = 2000;
/** Characters of output the end notification carries. */
export const RESULT_TAIL_CHARS = 800;
/** The longest timer Node keeps (about 24.8 days): "no timeout" for a background command. */
const NO_TIMEOUT_MS = 2 ** 31 - 1;

export interface BackgroundManagerOptions {
  workspace: string;
  /** LCC_HOME and friends (the state folder); default none: `<workspace>/.lcc`. */
  env?: NodeJS.ProcessEnv;
  queue: MessageQueue;
  emit: EmitEvent;
  /** Bound of each log on disk (default 1 MiB, rotated keeping the newest half). */
  logMaxBytes?: number;
  /** SIGTERM → SIGKILL grace when killing (default 2 s). */
  killGraceMs?: number;
}

export interface BackgroundManager {
  /** The workspace commands run in (log paths are shown relative to it). */
  readonly workspace: string;
  /** The runtime folder the logs go to (`<lcc home>/runtime`). */
  readonly runtime: string;
  /** SIGTERM → SIGKILL grace of a kill (ms). */
  readonly killGraceMs: number;
  /** Starts `command` in the background; throws when the log cannot be created (a linked runtime folder). */
  start(command: string, options?: { timeoutMs?: number }): BackgroundJob;
  /** Takes over a running foreground bash command; undefined when it cannot (the caller then goes on as before). */
  adopt(running: RunningCommand): BackgroundJob | undefined;
  /** Every command of this session, oldest first (copies). */
  list(): BackgroundJob[];
  get(id: string): BackgroundJob | undefined;
  /** How many still run (lcc's prompt line). */
  running(): number;
  /** The last `maxChars` characters of a command's log. */
  tail(id: string, maxChars?: number): string;
  /**
   * Waits until the command ends or `ms` pass or `signal` aborts. A command that ends during the wait
   * is reported by the caller's result, so no notification is queued for it. Never rejects.
   */
  wait(id: string, ms: number, signal?: AbortSignal): Promise<BackgroundJob | undefined>;
  /** Kills the command's whole group (SIGTERM, SIGKILL after the grace) and waits for its end; it is reported by the caller. */
  kill(id: string): Promise<BackgroundJob | undefined>;
  /** Kills everything still running, queues nothing; later starts are refused. Idempotent. */
  close(): Promise<void>;
}

interface Entry {
  job: BackgroundJob;
  ended: Promise<void>;
  /** Callers waiting in wait() or kill(): the end is theirs to report. */
  waiters: number;
  killedByUs: boolean;
  timedOut: () => boolean;
}

type Child = ChildProcessByStdio<null, Readable, Readable>;

/** A new job with its log open (the descriptor the rotating log writes to). */
interface Opened {
  job: BackgroundJob;
  fd: number;
}

/** The manager of one session (s13 keeps it in the session scope, so /clear does not lose it). */
export function createBackgroundManager(options: BackgroundManagerOptions): BackgroundManager {
  const { workspace, queue, emit } = options;
  const runtime = join(lccHome(workspace, options.env), "runtime");
  const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const entries = new Map<string, Entry>();
  let closed = false;
  let prepared = false;

  /** Creates the folder (once: prunes stale logs, adds the state folder to git's exclude) and a log. */
  const openLog = () => {
    prepareRuntimeFolder(runtime, workspace);
    if (!prepared) {
      prepared = true;
      pruneStaleLogs(runtime);
      void ensureLccHome(workspace, options.env).catch(() => undefined);
    }
    return createLog(runtime);
  };

  const track = (child: Child, opened: Opened, timedOut: () => boolean, initialOutput = "") => {
    const { job } = opened;
    const log = createRotatingLog(opened.fd, options.logMaxBytes ?? DEFAULT_LOG_MAX_BYTES);
    log.write(initialOutput);
    child.stdout.on("data", (chunk: string | Buffer) => log.write(chunk.toString()));
    child.stderr.on("data", (chunk: string | Buffer) => log.write(chunk.toString()));
    let markEnded = () => {};
    const entry: Entry = {
      job,
      ended: new Promise((resolve) => {
        markEnded = resolve;
      }),
      waiters: 0,
      killedByUs: false,
      timedOut,
    };
    entries.set(job.id, entry);
    if (job.pid) rememberGroup(job.pid);
    let finished = false;
    const finish = (exitCode: number | null, signal: string | null, error?: Error) => {
      if (finished) return;
      finished = true;
      if (error) log.write(`${error.message}\n`);
      log.close();
      if (job.pid) forgetGroup(job.pid);
      job.endedAt = Date.now();
      job.exitCode = exitCode;
      job.signal = signal;
      job.status = entry.killedByUs
        ? "killed"
        : entry.timedOut()
          ? "timed_out"
          : exitCode === 0
            ? "completed"
            : "failed";
      emit({ type: "background_end", job: { ...job } });
      // Exactly once: a check or kill waiting for this end reports it; otherwise the next model call does.
      if (!closed && entry.waiters === 0) {
        const content = formatBackgroundResult(job, readLogTail(job.logPath, RESULT_TAIL_CHARS), workspace);
        queue.push({ source: "background", content });
      }
      markEnded();
    };
    child.once("error", (error) => finish(null, null, error));
    child.once("close", (exitCode, signal) => finish(exitCode, signal));
    emit({ type: "background_start", job: { ...job } });
    return job;
  };

  const newJob = (command: string, origin: BackgroundOrigin, startedAt: number): Opened => {
    const log = openLog();
    const job: BackgroundJob = {
      id: log.id,
      command,
      origin,
      status: "running",
      pid: undefined,
      startedAt,
      exitCode: null,
      signal: null,
      logPath: log.path,
    };
    return { job, fd: log.fd };
  };

  const killGroup = async (entry: Entry) => {
    const pid = entry.job.pid;
    if (entry.job.status !== "running" || !pid) return;
    entry.killedByUs = true;
    signalGroup(pid, "SIGTERM");
    const ended = await Promise.race([entry.ended.then(() => true), sleep(graceMs, false, { ref: false })]);
    if (!ended) signalGroup(pid, "SIGKILL");
    await entry.ended;
  };

  return {
    workspace,
    runtime,
    killGraceMs: graceMs,
    start(command, startOptions = {}) {
      if (closed) throw new Error("the session is closing; no new background command starts");
      const opened = newJob(command, "background_run", Date.now());
      const env = withoutHarnessSecrets(process.env);
      const child = spawn(userShell(env), ["-c", command], {
        cwd: workspace,
        env,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      opened.job.pid = child.pid;
      // s01's guard: the timeout (if any) kills the group, and so does the shell's exit (no stray `&`).
      const guard = guardProcessGroup(child, startOptions.timeoutMs ?? NO_TIMEOUT_MS);
      return { ...track(child, opened, guard.timedOut) };
    },
    adopt(running) {
      if (closed) return undefined;
      let opened: Opened;
      try {
        const origin = running.reason === "timeout" ? "bash_timeout" : "bash_server";
        opened = newJob(running.command, origin, running.startedAt);
      } catch (error) {
        const text = `could not move the command to the background: ${error instanceof Error ? error.message : String(error)}`;
        emit({ type: "notice", source: "background", level: "warn", text });
        return undefined;
      }
      opened.job.pid = running.child.pid;
      return { ...track(running.child, opened, () => false, running.output) };
    },
    list: () => [...entries.values()].map((entry) => ({ ...entry.job })),
    get(id) {
      const entry = entries.get(id);
      return entry && { ...entry.job };
    },
    running: () => [...entries.values()].filter((entry) => entry.job.status === "running").length,
    tail(id, maxChars = 2000) {
      const entry = entries.get(id);
      return entry ? readLogTail(entry.job.logPath, maxChars) : "";
    },
    async wait(id, ms, signal) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.job.status !== "running") return { ...entry.job };
      entry.waiters += 1;
      try {
        await Promise.race([
          entry.ended,
          sleep(ms, undefined, { signal, ref: false }).catch(() => undefined),
        ]);
      } finally {
        entry.waiters -= 1;
      }
      return { ...entry.job };
    },
    async kill(id) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      entry.waiters += 1;
      try {
        await killGroup(entry);
      } finally {
        entry.waiters -= 1;
      }
      return { ...entry.job };
    },
    async close() {
      closed = true;
      await Promise.all([...entries.values()].map(killGroup));
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}
