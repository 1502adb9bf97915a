// How jobs read for the model (cron_list, cron_create) and the user (/cron, the fire line): local times
// to the minute, one line per job. Pure.
import { type CronJob, expiresAt } from "./cron-job.ts";

/** A job with what the scheduler knows about its next fire. */
export interface ScheduledJob extends CronJob {
  /** When it fires next (minute + jitter, epoch ms); undefined when it never will (expired, no date left). */
  nextFireAt?: number;
  /** In cron.json but not created by this user on this machine (cron-ledger.ts): it never fires. */
  foreign?: boolean;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Mon 2026-01-05 09:00" in local time. */
export function formatLocalTime(time: number): string {
  const date = new Date(time);
  const day = WEEKDAYS[date.getDay()];
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${day} ${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "UTC+08:00": the offset the local times are in. */
export function formatUtcOffset(time: number): string {
  const offset = -new Date(time).getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  return `UTC${sign}${hours}:${minutes}`;
}

/** A prompt on one line, cut at `max` characters with an ellipsis. */
export function shortPrompt(prompt: string, max = 60): string {
  const line = prompt.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * `a1b2c3d4  0 9 * * 1-5  next Mon 2026-01-05 09:00  recurring, durable, expires Mon 2026-01-12 08:59`
 * then the prompt, indented.
 */
export function describeJob(job: ScheduledJob): string {
  const next = job.foreign
    ? "never fires (not created by you on this machine)"
    : job.nextFireAt === undefined
      ? "no next fire"
      : `next ${formatLocalTime(job.nextFireAt)}`;
  const expiry = expiresAt(job);
  const kind = [
    job.recurring ? "recurring" : "one-shot",
    job.durable ? "durable" : "this session only",
    ...(expiry === undefined ? [] : [`expires ${formatLocalTime(expiry)}`]),
  ].join(", ");
  return `${job.id}  ${job.cron}  ${next}  ${kind}\n    ${shortPrompt(job.prompt, 200)}`;
}

/** The listing: local time now, then each job, or "No scheduled prompts." */
export function describeJobs(jobs: readonly ScheduledJob[], now: number, problem?: string): string {
  const header = `Local time now: ${formatLocalTime(now)} (${formatUtcOffset(now)}).`;
  const body = jobs.length === 0 ? "No scheduled prompts." : jobs.map(describeJob).join("\n");
  return [header, body, ...(problem ? [`Note: ${problem}.`] : [])].join("\n");
}

/** What the model receives when a job fires. */
export function scheduledPromptMessage(job: CronJob, minute: number): string {
  return [
    `<scheduled-prompt job="${job.id}" cron="${job.cron}" scheduled-for="${formatLocalTime(minute)}" recurring="${job.recurring}">`,
    job.prompt,
    "</scheduled-prompt>",
  ].join("\n");
}
