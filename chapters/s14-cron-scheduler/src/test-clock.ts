// Test helper: a clock that moves only when a test says so, running the timers that fall due in order.
import type { CronClock } from "./cron-clock.ts";

export interface ManualClock extends CronClock {
  /**
   * Moves the time `ms` forward, running each timer at its due time, then `settle()` (the scheduler's
   * idle) before looking for the next. With `sleep`, the time jumps first and overdue timers run late,
   * once each, as after a laptop's sleep.
   */
  advance(ms: number, settle: () => Promise<void>, options?: { sleep?: boolean }): Promise<void>;
  /** Timers waiting (for assertions). */
  pending(): number;
}

const MAX_TIMERS_PER_ADVANCE = 100_000;

export function createManualClock(start: number): ManualClock {
  let now = start;
  let sequence = 0;
  const timers = new Map<number, { due: number; callback: () => void }>();
  const nextDue = (until: number) =>
    [...timers.entries()]
      .filter(([, timer]) => timer.due <= until)
      .sort(([aId, a], [bId, b]) => a.due - b.due || aId - bId)[0];
  return {
    now: () => now,
    setTimer(callback, delayMs) {
      const id = sequence++;
      timers.set(id, { due: now + Math.max(delayMs, 0), callback });
      return { cancel: () => timers.delete(id) };
    },
    async advance(ms, settle, options = {}) {
      const target = now + ms;
      if (options.sleep) now = target;
      let ran = 0;
      for (let entry = nextDue(target); entry; entry = nextDue(target)) {
        // A scheduler that re-arms for "now" forever would hang the test instead of failing it.
        if (++ran > MAX_TIMERS_PER_ADVANCE)
          throw new Error(`more than ${MAX_TIMERS_PER_ADVANCE} timers in one advance`);
        const [id, timer] = entry;
        timers.delete(id);
        now = Math.max(now, timer.due);
        timer.callback();
        await settle();
      }
      now = target;
    },
    pending: () => timers.size,
  };
}
