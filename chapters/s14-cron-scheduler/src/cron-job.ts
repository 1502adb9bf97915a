// A scheduled prompt and the pure rules of when it fires: its minutes (cron), a fixed jitter from its
// id, one fire for any number of missed minutes, expiry 7 days after creation for recurring jobs.
import { randomBytes } from "node:crypto";
import { parseCron } from "./cron-expression.ts";

/** A recurring job is removed this long after it was created (7 days). */
export const JOB_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** A job fires up to this long after its minute (0–29.999 s), the same offset every time. */
export const MAX_JITTER_MS = 30_000;

export interface CronJob {
  /** 8 hex digits, unique among the jobs a scheduler knows. */
  id: string;
  /** The 5-field expression, local time. */
  cron: string;
  /** What is sent to the model when the job fires, as if the user typed it. */
  prompt: string;
  /** False: fires once, at the next matching minute, then is removed. */
  recurring: boolean;
  /** True: kept in `<lcc home>/cron.json`, so it outlives the session; false: this session only. */
  durable: boolean;
  /** Epoch ms. */
  createdAt: number;
  /** The minute (epoch ms) of the last fire claimed by any process; undefined before the first. */
  lastFiredMinute?: number;
}

/** A random job id (8 hex digits). */
export function newJobId(): string {
  return randomBytes(4).toString("hex");
}

/**
 * The job's delay after its minute: FNV-1a of the id, modulo MAX_JITTER_MS. Deterministic, so every
 * process agrees on a job's fire time, while jobs at "0 9 * * *" in many sessions spread over 30 s
 * instead of calling the API in the same second.
 */
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
 * is the LATEST whose fire time (minute + jitter) has passed, so after a sleeping laptop or a long busy
 * period the job fires once, for its most recent minute, and then resumes its schedule: no catch-up
 * storm. A recurring job past its lifetime expires instead of firing; one whose next fire falls after
 * it waits for the expiry. Pure.
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
    const latest = schedule.latestAtOrBefore(now - jitter) ?? first;
    return { kind: "fire", minute: Math.max(first, latest) };
  }
  if (expiry !== undefined && first + jitter >= expiry)
    return { kind: "wait", until: expiry, next: "expire" };
  return { kind: "wait", until: first + jitter, next: "fire" };
}
