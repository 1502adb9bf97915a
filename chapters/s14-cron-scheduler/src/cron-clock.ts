// The scheduler's clock: the time now and one kind of timer. The real one never keeps the process
// alive; tests pass a manual clock and the demo a fast one, so a minute passes in milliseconds.

export interface CronTimer {
  cancel(): void;
}

export interface CronClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now (on this clock). Must not keep the process alive. */
  setTimer(callback: () => void, delayMs: number): CronTimer;
}

/** Longest delay setTimeout takes (about 24.8 days); a longer wait re-arms when it ends. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The real clock: Date.now and an unref'd setTimeout. */
export const realClock: CronClock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, Math.min(Math.max(delayMs, 0), MAX_TIMER_MS));
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/**
 * A clock that reads `startAt` (epoch ms) at the real time `realStart` (default now) and runs `speed`
 * times faster: the demo shows a job scheduled for 09:00 firing a second after it was created at 08:59,
 * and processes given the same `realStart` agree on the time. Timers unref'd.
 */
export function createFastClock(startAt: number, speed: number, realStart = Date.now()): CronClock {
  return {
    now: () => startAt + (Date.now() - realStart) * speed,
    setTimer: (callback, delayMs) => realClock.setTimer(callback, Math.ceil(delayMs / speed)),
  };
}
