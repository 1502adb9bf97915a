// Test helper: a clock that moves only when a test says so (deadlines and polls of the protocols).
import type { CronClock } from "@lcc/s14";

export interface ManualClock extends CronClock {
  /** Moves `ms` forward, running each timer that falls due, in order, letting promises settle after each. */
  advance(ms: number): Promise<void>;
  /** Timers waiting. */
  pending(): number;
}

export function createManualClock(start = Date.parse("2026-01-05T09:00:00Z")): ManualClock {
  let now = start;
  let sequence = 0;
  const timers = new Map<number, { due: number; callback: () => void }>();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return {
    now: () => now,
    setTimer(callback, delayMs) {
      const id = sequence++;
      timers.set(id, { due: now + Math.max(delayMs, 0), callback });
      return { cancel: () => timers.delete(id) };
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        const [id, timer] =
          [...timers.entries()]
            .filter(([, t]) => t.due <= target)
            .sort(([a, x], [b, y]) => x.due - y.due || a - b)[0] ?? [];
        if (id === undefined || !timer) break;
        timers.delete(id);
        now = timer.due;
        timer.callback();
        await settle();
      }
      now = target;
      await settle();
    },
    pending: () => timers.size,
  };
}
