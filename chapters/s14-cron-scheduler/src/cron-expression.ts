// Standard 5-field cron in local time, parsed by croner and used only to compute times: the scheduler
// owns its timers, so the clock stays injectable. Pure.
import { Cron } from "croner";

/** A parsed expression: the times it matches, as epoch milliseconds. */
export interface CronSchedule {
  /** The expression as given (trimmed). */
  readonly expression: string;
  /** The first matching minute strictly after `after`; undefined when none is left (a date that never recurs). */
  nextAfter(after: number): number | undefined;
  /** The last matching minute at or before `atOrBefore`; undefined when none. */
  latestAtOrBefore(atOrBefore: number): number | undefined;
}

export type ParsedCron = { ok: true; schedule: CronSchedule } | { ok: false; reason: string };

/**
 * Parses "minute hour day-of-month month day-of-week" (names such as MON and JAN, ranges, lists, steps,
 * 0 or 7 for Sunday, croner's @hourly/@daily nicknames). When both day fields are restricted a day
 * matching EITHER fires (the classic cron OR rule, croner's `domAndDow: false`). Local time of the
 * process. Never throws: an invalid expression gives the parser's reason.
 */
export function parseCron(expression: string): ParsedCron {
  const trimmed = expression.trim();
  let cron: Cron;
  try {
    cron = new Cron(trimmed, { mode: "5-part", domAndDow: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.replace(/^CronPattern: /, "") };
  }
  if (cron.nextRun(new Date(0)) === null) return { ok: false, reason: `'${trimmed}' never matches a date` };
  return {
    ok: true,
    schedule: {
      expression: trimmed,
      nextAfter: (after) => cron.nextRun(new Date(after))?.getTime(),
      latestAtOrBefore: (atOrBefore) => cron.previousRuns(1, new Date(atOrBefore + 1))[0]?.getTime(),
    },
  };
}
