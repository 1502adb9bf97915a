// EXERCISE (s17 01): a copy of chapters/s17-autonomous-agents/src/idle-policy.ts to change. Make the idle
// timeout wait while the board holds a task that becomes yours once its blockers are completed
// (waitingTasks), instead of shutting down after timeoutMs. Everything else is the chapter's policy.
import type { EmitEvent } from "@lcc/s02";
import type { Task, TaskStore } from "@lcc/s12";
import type { CronClock } from "@lcc/s14";
import { LEAD_NAME, type Team, type Teammate } from "@lcc/s15";
import { type Claimant, claimedTaskMessage, claimFirstTask, recordClaim } from "@lcc/s17";

/** How often an idle teammate looks at the board (its inbox wakes it at once when delivered). */
export const DEFAULT_IDLE_POLL_MS = 5_000;
/** How long a teammate stays idle with nothing to do before it shuts down. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export interface IdlePolicyOptions {
  /** The board (s12's store of this session). */
  tasks: () => TaskStore;
  clock: CronClock;
  /** Default DEFAULT_IDLE_POLL_MS. */
  pollMs?: number;
  /** Default DEFAULT_IDLE_TIMEOUT_MS. */
  timeoutMs?: number;
  emit: EmitEvent;
}

/**
 * The tasks `claimant` cannot claim yet but will be able to once their blockers are completed: pending, no
 * owner (or the claimant already), its role allowed, at least one open blocker. Pure.
 */
export function waitingTasks(tasks: readonly Task[], claimant: Claimant): Task[] {
  // TODO: use claimRefusal and openBlockers (both exported by @lcc/s17 and @lcc/s12).
  void tasks;
  void claimant;
  return [];
}

export type AutonomousIdle = (teammate: Teammate, team: Team) => Promise<"work" | "stop">;

/**
 * The idle policy of s17's TeammateExtension. Resolves "work" when the teammate's queue holds something
 * (a message pushed by its inbox delivery, or the task it just claimed), "stop" when it was stopped or timed
 * out. A shutdown request is a message like any other: "work", so the model answers it through s16's
 * handshake. A board that cannot be read is reported and tried again at the next poll. Never rejects.
 */
export function createIdlePolicy(options: IdlePolicyOptions): AutonomousIdle {
  const { clock, emit } = options;
  const pollMs = options.pollMs ?? DEFAULT_IDLE_POLL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  return async (teammate, team) => {
    const report = (text: string) =>
      emit({
        type: "teammate_event",
        name: teammate.name,
        event: { type: "notice", source: "tasks", level: "warn", text },
      });
    const deadline = clock.now() + timeoutMs;
    for (;;) {
      if (teammate.signal.aborted) return "stop";
      if (teammate.queue.size() > 0) return "work";
      const claimant = { name: teammate.name, role: teammate.role };
      const task = await Promise.resolve()
        .then(() => claimFirstTask(options.tasks(), claimant))
        .catch((error: unknown) => {
          report(
            `the task board could not be read: ${error instanceof Error ? error.message : String(error)}`,
          );
          return undefined;
        });
      if (task && teammate.signal.aborted) {
        // Stopped while claiming: the task goes back to the board instead of staying with a stopped teammate.
        await options
          .tasks()
          .update(task.id, { owner: "", status: "pending" })
          .catch(() => undefined);
        return "stop";
      }
      if (task) {
        await recordClaim(team, teammate, task, "idle", emit);
        teammate.queue.push({ source: "task-board", content: claimedTaskMessage(task) });
        return "work";
      }
      const left = deadline - clock.now();
      if (left <= 0 && teammate.queue.size() === 0 && !teammate.signal.aborted) {
        await shutDownIdle(teammate, team, timeoutMs, report);
        return "stop";
      }
      const woke = await nextWake(teammate, clock, Math.max(0, Math.min(pollMs, left)));
      if (woke !== "poll") return woke;
    }
  };
}

/** Tells the lead, then ends the teammate's life (it is idle, so it stops at once; the roster says why). */
async function shutDownIdle(
  teammate: Teammate,
  team: Team,
  timeoutMs: number,
  report: (text: string) => void,
): Promise<void> {
  const seconds = Math.round(timeoutMs / 1000);
  await team
    .send(
      teammate.name,
      LEAD_NAME,
      `No message and no task I may claim for ${seconds} s: shutting down. Spawn me again to give me work.`,
    )
    .catch((error: unknown) => report(`could not tell the lead it shut down: ${String(error)}`));
  teammate.finish(`idle for ${seconds} s with nothing to do`);
}

/** Waits for a push to its queue ("work"), its stop ("stop") or `delayMs` on the clock ("poll"). */
function nextWake(teammate: Teammate, clock: CronClock, delayMs: number): Promise<"work" | "stop" | "poll"> {
  return new Promise((resolve) => {
    if (teammate.signal.aborted) return resolve("stop");
    if (teammate.queue.size() > 0) return resolve("work");
    const settle = (outcome: "work" | "stop" | "poll") => {
      timer.cancel();
      unsubscribe();
      teammate.signal.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    const onAbort = () => settle("stop");
    const unsubscribe = teammate.queue.onPush(() => settle("work"));
    const timer = clock.setTimer(() => settle("poll"), delayMs);
    teammate.signal.addEventListener("abort", onAbort, { once: true });
  });
}
