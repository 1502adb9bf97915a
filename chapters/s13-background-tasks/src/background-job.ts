// What the session knows about one background command, and how its state reads for people and the
// model: status words, durations, the <background-results> message. Pure.
import { relative } from "node:path";

/** A command's state: running, or how it ended. */
export type BackgroundStatus = "running" | "completed" | "failed" | "killed" | "timed_out";

/** How it got to the background: background_run, or a foreground bash moved there. */
export type BackgroundOrigin = "background_run" | "bash_timeout" | "bash_server";

/** One background command of this session (a snapshot: the manager hands out copies). */
export interface BackgroundJob {
  /** "b1", "b2" …: unique across processes sharing the workspace (its log file is created exclusively). */
  id: string;
  command: string;
  origin: BackgroundOrigin;
  status: BackgroundStatus;
  /** The shell's pid, which is also its process group's id. */
  pid: number | undefined;
  /** Date.now() at the start (for a moved bash command: when bash started it). */
  startedAt: number;
  endedAt?: number;
  exitCode: number | null;
  signal: string | null;
  /** Absolute path of its log. */
  logPath: string;
}

/** "1.2 s", "45 s", "3 min 5 s", "2 h 4 min". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** How long it ran (until now when it still runs). */
export function runtimeOf(job: BackgroundJob, now = Date.now()): number {
  return (job.endedAt ?? now) - job.startedAt;
}

/** "running", "completed · exit 0", "failed · exit 2", "killed", "timed out". */
export function describeStatus(job: BackgroundJob): string {
  if (job.status === "timed_out") return "timed out";
  if (job.status !== "completed" && job.status !== "failed") return job.status;
  return `${job.status} · ${job.exitCode === null ? (job.signal ?? "no exit code") : `exit ${job.exitCode}`}`;
}

/** The log path as the model and the user read it: relative to the workspace when inside it. */
export function displayPath(path: string, workspace: string): string {
  const inside = relative(workspace, path);
  return inside.startsWith("..") ? path : inside;
}

/** A command shortened to one line of at most `max` characters. */
export function shortCommand(command: string, max = 80): string {
  const line = command.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/**
 * The message the model gets when a command ends, queued for its next model call:
 * `<background-results><result id="b1" status="completed" exit_code="0" duration="2.1 s">` with the
 * command, the log path and the tail of the output.
 */
export function formatBackgroundResult(job: BackgroundJob, tail: string, workspace: string): string {
  const exitCode = job.exitCode === null ? "none" : String(job.exitCode);
  const attributes = `id="${job.id}" status="${job.status}" exit_code="${exitCode}" duration="${formatDuration(runtimeOf(job))}"`;
  return [
    "<background-results>",
    `<result ${attributes}>`,
    `command: ${job.command}`,
    `log: ${displayPath(job.logPath, workspace)}`,
    tail.trim() === "" ? "output: (none)" : `output (last lines):\n${tail.trimEnd()}`,
    "</result>",
    "</background-results>",
  ].join("\n");
}
