// Waiting for a request to be decided without a busy loop: the record is read again only when the waiter is
// woken (the answer's message reached it), on a slow poll for other processes, or at the deadline.
import type { CronClock, CronTimer } from "@lcc/s14";
import { RequestError, type Requests, type TeamRequest } from "@lcc/s15";

export interface WaitOptions {
  /**
   * Subscribes `look` to what means "look again" and returns the unsubscribe: the answer is always sent to
   * the waiter as a message, so a teammate waits on its queue's pushes (its inbox delivered), the lead on
   * `team.wakeups` for "lead".
   */
  wake(look: () => void): () => void;
  clock: CronClock;
  /** Milliseconds between reads for answers from other processes; 0: wake-ups only. */
  pollMs: number;
  /** After this many milliseconds (on `clock`) the request is expired; absent: no deadline. */
  timeoutMs?: number;
  /** Aborting ends the wait: the request is expired (a late answer is then refused) and the wait rejects. */
  signal?: AbortSignal;
}

/**
 * Resolves with request `id` once it is approved, rejected or expired (at the deadline this wait expires
 * it; if an answer won the race, that answer is returned). Rejects with the signal's reason when aborted,
 * or with the store's error when the record cannot be read.
 */
export function waitForDecision(requests: Requests, id: string, options: WaitOptions): Promise<TeamRequest> {
  const { clock, pollMs, signal } = options;
  return new Promise((resolve, reject) => {
    let ended = false;
    let reading: Promise<void> | undefined;
    let readAgain = false;
    let pollTimer: CronTimer | undefined;
    let deadline: CronTimer | undefined;
    const end = (settle: () => void) => {
      if (ended) return;
      ended = true;
      unsubscribe();
      pollTimer?.cancel();
      deadline?.cancel();
      signal?.removeEventListener("abort", onAbort);
      settle();
    };
    const fail = (error: unknown) => end(() => reject(error));
    // One read at a time; a wake-up during a read asks for one more read after it.
    const look = (): Promise<void> => {
      if (reading) {
        readAgain = true;
        return reading;
      }
      reading = (async () => {
        do {
          readAgain = false;
          const request = await requests.get(id);
          if (request.state !== "pending") return end(() => resolve(request));
        } while (readAgain && !ended);
      })()
        .catch(fail)
        .finally(() => {
          reading = undefined;
        });
      return reading;
    };
    // Expires the request; when someone decided first, their decision is the outcome. The deadline and an
    // abort may both give up: they share one expiry, so nothing is still writing once the wait has settled.
    let givingUp: Promise<TeamRequest> | undefined;
    const giveUp = (): Promise<TeamRequest> =>
      (givingUp ??= (async () => {
        try {
          return await requests.expire(id);
        } catch (error) {
          if (error instanceof RequestError) return requests.get(id);
          throw error;
        }
      })());
    const onAbort = () => {
      const reason: unknown = signal?.reason;
      void giveUp()
        .catch(() => undefined)
        .finally(() => fail(reason));
    };
    const poll = () => {
      if (ended || pollMs <= 0) return;
      pollTimer = clock.setTimer(() => void look().finally(poll), pollMs);
    };

    const unsubscribe = options.wake(() => void look());
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    if (options.timeoutMs !== undefined)
      deadline = clock.setTimer(() => {
        if (!ended)
          giveUp().then(
            (request) => end(() => resolve(request)),
            (error: unknown) => fail(error),
          );
      }, options.timeoutMs);
    // The answer may already be there (given before this wait began).
    void look().finally(poll);
  });
}
