// SOLUTION (s14 01): s14's job rules with a missed-run policy: a recurring job whose due minute is more than
// MISSED_RUN_GRACE_MS late skips it and waits for its next minute (a one-shot job still fires late).
// Everything else is chapters/s14-cron-scheduler/src/cron-job.ts unchanged.
import { parseCron } from "@lcc/s14";

/** A recurring job is removed this long after it was created (7 days). */
export const JOB_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** A job fires up to this long after its minute (0–29.999 s), the same offset every time. */
export const MAX_JITTER_MS = 30_000;
/** A recurring job's minute missed by more than this (after its jitter) is skipped, not fired late. */
export const MISSED_RUN_GRACE_MS = 10 * 60_000;

export interface CronJob {
  id: string;
  cron: string;
  prompt: string;
  recurring: boolean;
  durable: boolean;
  createdAt: number;
  lastFiredMinute?: number;
}

/** The job's delay after its minute: FNV-1a of the id, modulo MAX_JITTER_MS. */
export function jitterMs(id: string): number {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % MAX_JITTER_MS;
}

/** When a recurring job is removed; undefined for one-shot jobs (they go when they fire). */
export function expiresAt(job: CronJob): number | undefined {
  return job.recurring ? job.createdAt + JOB_LIFETIME_MS : undefined;
}

/** What the scheduler does next for a job, seen at `now`. */
export type JobPlan =
  | { kind: "fire"; minute: number }
  /** Nothing to do before `until`, when the job fires (`next: "fire"`) or expires. */
  | { kind: "wait"; until: number; next: "fire" | "expire" }
  | { kind: "expire" }
  | { kind: "never" };

/**
 * The plan for `job` at `now`. Its minutes are those after max(createdAt, lastFiredMinute); the due one
 * is the LATEST whose fire time (minute + jitter) has passed. A recurring job fires for it only within
 * MISSED_RUN_GRACE_MS of that fire time; later, it waits for its next minute instead. A recurring job past
 * its lifetime expires instead of firing. Pure.
 */
export function planJob(job: CronJob, now: number): JobPlan {
  const parsed = parseCron(job.cron);
  if (!parsed.ok) return { kind: "never" };
  const { schedule } = parsed;
  const expiry = expiresAt(job);
  if (expiry !== undefined && now >= expiry) return { kind: "expire" };
  const jitter = jitterMs(job.id);
  const after = Math.max(job.createdAt, job.lastFiredMinute ?? Number.NEGATIVE_INFINITY);
  const first = schedule.nextAfter(after);
  if (first === undefined) return { kind: "never" };
  if (first + jitter <= now) {
    const due = Math.max(first, schedule.latestAtOrBefore(now - jitter) ?? first);
    if (!job.recurring || now - (due + jitter) <= MISSED_RUN_GRACE_MS) return { kind: "fire", minute: due };
    // Too late for this minute: the next one is the job's next chance (the one after `due` is in the future).
    return waitFor(schedule.nextAfter(due), jitter, expiry);
  }
  return waitFor(first, jitter, expiry);
}

/** Wait for `minute` (plus jitter), or for the expiry when that comes first. */
function waitFor(minute: number | undefined, jitter: number, expiry: number | undefined): JobPlan {
  if (minute === undefined)
    return expiry === undefined ? { kind: "never" } : { kind: "wait", until: expiry, next: "expire" };
  if (expiry !== undefined && minute + jitter >= expiry)
    return { kind: "wait", until: expiry, next: "expire" };
  return { kind: "wait", until: minute + jitter, next: "fire" };
}
