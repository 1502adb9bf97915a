// How s13's events look: one line per start and per end, the source named, in the chapter printer and
// in lcc ("⏺ background b3 finished · exit 0 · 2.1 s").
import type { EventRenderer } from "@lcc/s02";
import "./background-events.ts";
import { type BackgroundJob, formatDuration, runtimeOf, shortCommand } from "./background-job.ts";

/** "started: npm run build", "moved from bash (looks like a server): npm run dev". Pure. */
export function describeStart(job: BackgroundJob): string {
  const how =
    job.origin === "bash_server"
      ? "moved from bash (looks like a server)"
      : job.origin === "bash_timeout"
        ? "moved from bash (still running at its timeout)"
        : "started";
  return `background ${job.id} ${how}: ${shortCommand(job.command)}`;
}

/** "finished · exit 0 · 2.1 s", "failed · exit 2 · 4.0 s", "killed · 12 s", "timed out · 30 s". Pure. */
export function describeEnd(job: BackgroundJob): string {
  const duration = formatDuration(runtimeOf(job));
  const exit = job.exitCode === null ? (job.signal ?? "no exit code") : `exit ${job.exitCode}`;
  if (job.status === "completed") return `background ${job.id} finished · ${exit} · ${duration}`;
  if (job.status === "failed") return `background ${job.id} failed · ${exit} · ${duration}`;
  if (job.status === "timed_out") return `background ${job.id} timed out · ${duration}`;
  return `background ${job.id} killed · ${duration}`;
}

export const renderBackgroundEvents: EventRenderer = (event) => {
  if (event.type === "background_start") return [`⏺ ${describeStart(event.job)}`];
  if (event.type === "background_end") return [`⏺ ${describeEnd(event.job)}`];
  return undefined;
};
