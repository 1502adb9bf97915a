// Your missed-run policy: a recurring job fires late only within MISSED_RUN_GRACE_MS of its minute; after a
// longer gap (a laptop asleep all morning) it skips to its next minute; one-shot jobs and expiry keep their rules.
import { describe, expect, it } from "vitest";
import { type CronJob, jitterMs, MISSED_RUN_GRACE_MS, planJob } from "./cron-job.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Local time on Monday 5 January 2026 (the s14 tests' week), `day` days later. */
const at = (hour: number, minute: number, day = 0) => new Date(2026, 0, 5 + day, hour, minute, 0).getTime();

/** A job created Monday 08:58 with a fixed id, so its jitter is known. */
function job(cron: string, extra: Partial<CronJob> = {}): CronJob {
  return {
    id: "00c0ffee",
    cron,
    prompt: "Check the nightly build",
    recurring: true,
    durable: false,
    createdAt: at(8, 58),
    ...extra,
  };
}
const jitter = jitterMs("00c0ffee");

describe("planJob with a missed-run policy", () => {
  it("fires on time, and still fires a minute missed by less than the grace", () => {
    expect(MISSED_RUN_GRACE_MS).toBe(10 * MINUTE);
    expect(planJob(job("0 9 * * *"), at(9, 0) + jitter)).toEqual({ kind: "fire", minute: at(9, 0) });
    expect(planJob(job("0 9 * * *"), at(9, 9) + jitter)).toEqual({ kind: "fire", minute: at(9, 0) });
  });

  it("skips a daily minute missed by hours and waits for the next day's", () => {
    // The laptop slept from 08:59 to 15:00: the 09:00 check is six hours stale.
    expect(planJob(job("0 9 * * *"), at(15, 0))).toEqual({
      kind: "wait",
      until: at(9, 0, 1) + jitter,
      next: "fire",
    });
    // The same job after its next minute: it fires for Tuesday 09:00, not for Monday's.
    const tuesday = at(9, 0, 1) + jitter;
    expect(planJob(job("0 9 * * *"), tuesday)).toEqual({ kind: "fire", minute: at(9, 0, 1) });
  });

  it("keeps an every-minute job firing once for its latest minute after a long sleep", () => {
    const woke = at(12, 0) + jitter + 20_000;
    expect(planJob(job("* * * * *"), woke)).toEqual({ kind: "fire", minute: at(12, 0) });
  });

  it("still fires a one-shot job late, and lets expiry come before a skipped minute's next one", () => {
    const reminder = job("0 9 5 1 *", { recurring: false });
    expect(planJob(reminder, at(15, 0))).toEqual({ kind: "fire", minute: at(9, 0) });
    // Sunday 15:00: Sunday 09:00 is stale, and Monday 09:00 comes after the 7-day expiry (Monday 08:58).
    const expiry = at(8, 58, 7);
    expect(planJob(job("0 9 * * *", { lastFiredMinute: at(9, 0, 5) }), at(15, 0, 6))).toEqual({
      kind: "wait",
      until: expiry,
      next: "expire",
    });
    expect(planJob(job("0 9 * * *"), expiry + HOUR)).toEqual({ kind: "expire" });
  });
});
