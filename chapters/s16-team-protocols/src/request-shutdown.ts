// The lead's side of the shutdown handshake: ask a teammate to stop, wait for its answer (or expire the
// request), and — approved — wait until it has finished its current step. /team stop and session close use it.

import { type CronClock, realClock } from "@lcc/s14";
import { LEAD_NAME, type Team, TeamError, type TeamRequest } from "@lcc/s15";
import { openRequest } from "./protocol-message.ts";
import type { ProtocolRequests } from "./request-store.ts";
import { waitForDecision } from "./wait-for-decision.ts";

export interface ShutdownOptions {
  /** Why it should stop (shown to the teammate). */
  reason?: string;
  /** How long to wait for its answer before the request expires. */
  timeoutMs: number;
  /** The clock of the deadline and the poll (default: the real clock). */
  clock?: CronClock;
  /** Milliseconds between reads for an answer from another process (default 1000; 0: wake-ups only). */
  pollMs?: number;
  /** Aborting stops waiting: the request is expired and this rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Sends `name` a shutdown request and resolves with the decided record: "approved" (when the teammate runs
 * in this process, only once it has stopped), "rejected" (it goes on; `reason` says why) or "expired"
 * (nobody answered within `timeoutMs`). Throws TeamError, creating nothing, for an unknown or stopped teammate.
 */
export async function requestShutdown(
  team: Team,
  requests: ProtocolRequests,
  name: string,
  options: ShutdownOptions,
): Promise<TeamRequest> {
  await checkStoppable(team, name);
  const id = await openRequest(team, requests, {
    kind: "shutdown",
    from: LEAD_NAME,
    to: name,
    body: options.reason ?? "the lead is shutting the team down",
  });
  const decided = await waitForDecision(requests, id, {
    wake: (look) => team.wakeups.subscribe(LEAD_NAME, look),
    clock: options.clock ?? realClock,
    pollMs: options.pollMs ?? 1000,
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const teammate = team.get(name);
  if (decided.state === "approved" && teammate) await untilDone(teammate.done, options.signal);
  return decided;
}

/** Throws TeamError unless `name` is a teammate on the roster that has not stopped. */
export async function checkStoppable(team: Team, name: string): Promise<void> {
  if (name === LEAD_NAME) throw new TeamError(`"${LEAD_NAME}" is you; only teammates are shut down`);
  const member = await team.roster.get(name).catch(() => undefined);
  if (!member) {
    const names = (await team.roster.list()).filter((m) => m.state !== "stopped").map((m) => m.name);
    throw new TeamError(`no teammate called ${name} (on the team: ${names.join(", ") || "nobody"})`);
  }
  if (member.state === "stopped") throw new TeamError(`${name} has already stopped`);
}

function untilDone(done: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return done;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    void done.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}
