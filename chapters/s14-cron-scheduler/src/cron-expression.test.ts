// Cron semantics as croner gives them to the scheduler: names, ranges, lists, steps, 7 = Sunday, the
// day-of-month / day-of-week OR rule, local time, and the parser's reason for a bad expression.
import { afterEach, describe, expect, it } from "vitest";
import { parseCron } from "./cron-expression.ts";

/** Local time, as cron reads it. */
const at = (month: number, day: number, hour = 0, minute = 0) =>
  new Date(2026, month - 1, day, hour, minute).getTime();
/** Thursday 1 January 2026, 10:00:30 local. */
const THURSDAY = new Date(2026, 0, 1, 10, 0, 30).getTime();

function nextTimes(expression: string, count: number, from = THURSDAY): number[] {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.reason);
  const times: number[] = [];
  let after = from;
  for (let index = 0; index < count; index++) {
    const next = parsed.schedule.nextAfter(after);
    if (next === undefined) break;
    times.push(next);
    after = next;
  }
  return times;
}

const originalTimeZone = process.env.TZ;
afterEach(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

describe("cron expressions", () => {
  it("steps through minutes, strictly after the given time", () => {
    expect(nextTimes("*/15 * * * *", 3)).toEqual([at(1, 1, 10, 15), at(1, 1, 10, 30), at(1, 1, 10, 45)]);
    expect(nextTimes("0 10 * * *", 1, at(1, 1, 10, 0))).toEqual([at(1, 2, 10, 0)]);
  });

  it("reads day and month names, ranges and lists", () => {
    expect(nextTimes("0 9 * * MON", 2)).toEqual([at(1, 5, 9), at(1, 12, 9)]);
    expect(nextTimes("30 8 * * MON-FRI", 3)).toEqual([at(1, 2, 8, 30), at(1, 5, 8, 30), at(1, 6, 8, 30)]);
    expect(nextTimes("0 0 1 JAN,JUL *", 2)).toEqual([at(7, 1), new Date(2027, 0, 1).getTime()]);
    expect(nextTimes("0 9-11/2 * * *", 3)).toEqual([at(1, 1, 11), at(1, 2, 9), at(1, 2, 11)]);
  });

  it("takes 7 as Sunday, like 0", () => {
    expect(nextTimes("0 9 * * 7", 2)).toEqual([at(1, 4, 9), at(1, 11, 9)]);
    expect(nextTimes("0 9 * * 0", 2)).toEqual(nextTimes("0 9 * * 7", 2));
    expect(new Date(at(1, 4, 9)).getDay()).toBe(0);
  });

  it("fires on a day matching EITHER day field when both are restricted (the OR rule)", () => {
    // The 13th, or any Friday: Fri 2, Fri 9, Tue 13, Fri 16.
    expect(nextTimes("0 9 13 * FRI", 4)).toEqual([at(1, 2, 9), at(1, 9, 9), at(1, 13, 9), at(1, 16, 9)]);
    // Only one restricted: just that one counts.
    expect(nextTimes("0 9 13 * *", 2)).toEqual([at(1, 13, 9), at(2, 13, 9)]);
  });

  it("works in the process's local time zone", () => {
    process.env.TZ = "Asia/Shanghai";
    const nineInShanghai = nextTimes("0 9 * * *", 1, Date.UTC(2026, 0, 1, 0, 0))[0];
    expect(nineInShanghai).toBe(Date.UTC(2026, 0, 1, 1, 0));
    process.env.TZ = "America/New_York";
    expect(nextTimes("0 9 * * *", 1, Date.UTC(2026, 0, 1, 0, 0))[0]).toBe(Date.UTC(2026, 0, 1, 14, 0));
  });

  it("finds the latest matching minute at or before a time", () => {
    const parsed = parseCron("0 * * * *");
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.schedule.latestAtOrBefore(at(1, 1, 10, 0))).toBe(at(1, 1, 10, 0));
    expect(parsed.schedule.latestAtOrBefore(at(1, 1, 10, 59))).toBe(at(1, 1, 10, 0));
  });

  it("refuses a bad expression with the parser's reason", () => {
    expect(parseCron("61 * * * *")).toEqual({ ok: false, reason: "Invalid value for minute: 61" });
    const sixFields = parseCron("* * * * * *");
    expect(sixFields.ok).toBe(false);
    if (!sixFields.ok) expect(sixFields.reason).toContain("exactly 5 parts");
    expect(parseCron("every day").ok).toBe(false);
    expect(parseCron("0 9 * * FUNDAY").ok).toBe(false);
  });

  it("refuses a date that never comes", () => {
    expect(parseCron("0 0 30 2 *")).toMatchObject({ ok: false });
  });
});
