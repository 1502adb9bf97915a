// A child started in its own process group (detached), killed as a whole on timeout, on abort, and
// when the shell exits (so `sleep 100 &` left behind does not hold the pipes open).
import type { ChildProcess } from "node:child_process";

/** How long output may still arrive after the shell exited and its group was killed. */
export const PIPE_GRACE_MS = 250;

export interface GroupGuard {
  timedOut(): boolean;
  aborted(): boolean;
  /** Stops the timer and the abort listener (call when the child is done or failed to start). */
  release(): void;
}

/**
 * Watches `child` (spawned with `detached: true`): after `timeoutMs`, or when `signal` aborts, its whole
 * group gets SIGKILL; when the shell exits the group is killed too, and its pipes are closed after
 * PIPE_GRACE_MS (a process that left the group with setsid could hold them open forever). Never throws.
 * With `onTimeout`, the timeout first asks it: true means the caller took the command over (s13 moves it
 * to the background), so nothing is killed; false kills as usual.
 */
export function guardProcessGroup(
  child: ChildProcess,
  timeoutMs: number,
  signal?: AbortSignal,
  onTimeout?: () => boolean,
): GroupGuard {
  let timedOut = false;
  let aborted = false;
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // the group is already gone
    }
  };
  const timer = setTimeout(() => {
    if (onTimeout?.()) return;
    timedOut = true;
    killGroup();
  }, timeoutMs);
  const onAbort = () => {
    aborted = true;
    killGroup();
  };
  if (signal?.aborted) onAbort();
  signal?.addEventListener("abort", onAbort, { once: true });
  const release = () => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  };
  child.once("exit", () => {
    release();
    // Background processes left in the group die with it, which also closes the pipes they held.
    killGroup();
    setTimeout(() => {
      child.stdout?.destroy();
      child.stderr?.destroy();
    }, PIPE_GRACE_MS).unref();
  });
  return { timedOut: () => timedOut, aborted: () => aborted, release };
}
