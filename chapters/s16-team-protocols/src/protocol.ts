// The session's protocol runtime: the request store, the clock and timeouts every handshake uses, the
// lead's background watch of its own requests, and the close that asks every teammate before stopping it.
import type { MessageQueue } from "@lcc/s02";
import { type CronClock, realClock } from "@lcc/s14";
import { LEAD_NAME, type Team, type TeamRequest } from "@lcc/s15";
import { requestShutdown } from "./request-shutdown.ts";
import type { ProtocolRequests } from "./request-store.ts";
import { waitForDecision } from "./wait-for-decision.ts";

/** How long the lead waits for a shutdown answer (/team stop, shutdown_request) before the request expires. */
export const SHUTDOWN_TIMEOUT_MS = 30_000;
/** How long a submitted plan waits for the lead's review before it expires. */
export const PLAN_TIMEOUT_MS = 30 * 60_000;
/** At session close: how long teammates get to answer the shutdown request (real time) before they are aborted. */
export const CLOSE_TIMEOUT_MS = 3_000;

export interface ProtocolSettings {
  /** The clock of deadlines and polls (session close always uses real time). */
  clock: CronClock;
  /** Milliseconds between reads for answers from other processes; 0: wake-ups only. */
  pollMs: number;
  shutdownTimeoutMs: number;
  planTimeoutMs: number;
  closeTimeoutMs: number;
}

export interface Protocol extends ProtocolSettings {
  readonly team: Team;
  readonly requests: ProtocolRequests;
  /** Aborted when the session closes: every background watch and every handshake still waiting ends. */
  readonly signal: AbortSignal;
  /** requestShutdown with this session's clock, poll and timeout (`timeoutMs` overrides the timeout). */
  shutdown(name: string, options?: { reason?: string; timeoutMs?: number }): Promise<TeamRequest>;
  /** Watches a request the lead sent; if it expires unanswered, the lead is told in its next turn. */
  watch(id: string, description: string): void;
  /** Asks every running teammate to shut down, aborts those that did not stop within closeTimeoutMs. */
  close(): Promise<void>;
}

/**
 * The protocol of one session over `team` and `requests`; an expired watch is told to the lead through
 * `leadQueue`. Never throws; `close` resolves once every teammate of this process has stopped.
 */
export function createProtocol(
  team: Team,
  requests: ProtocolRequests,
  leadQueue: MessageQueue,
  settings: ProtocolSettings,
): Protocol {
  const closing = new AbortController();
  const protocol: Protocol = {
    ...settings,
    team,
    requests,
    signal: closing.signal,
    shutdown: (name, options = {}) =>
      requestShutdown(team, requests, name, {
        ...(options.reason === undefined ? {} : { reason: options.reason }),
        timeoutMs: options.timeoutMs ?? settings.shutdownTimeoutMs,
        clock: settings.clock,
        pollMs: settings.pollMs,
        signal: closing.signal,
      }),
    watch(id, description) {
      waitForDecision(requests, id, {
        wake: (look) => team.wakeups.subscribe(LEAD_NAME, look),
        clock: settings.clock,
        pollMs: settings.pollMs,
        timeoutMs: settings.shutdownTimeoutMs,
        signal: closing.signal,
      }).then(
        (request) => {
          if (request.state !== "expired") return;
          leadQueue.push({
            source: "team-protocol",
            content: `<team-protocol>\n${description} (${id}) expired: no answer within ${seconds(settings.shutdownTimeoutMs)}. It may still be running; ask again or send it a message.\n</team-protocol>`,
          });
        },
        () => undefined,
      );
    },
    async close() {
      const deadline = AbortSignal.timeout(settings.closeTimeoutMs);
      await Promise.allSettled(
        team.running().map((teammate) =>
          requestShutdown(team, requests, teammate.name, {
            reason: "the session is ending",
            timeoutMs: settings.closeTimeoutMs,
            clock: realClock,
            pollMs: 0,
            signal: deadline,
          }),
        ),
      );
      closing.abort(new Error("the session closed"));
      const stragglers = team.running();
      for (const teammate of stragglers) teammate.abort("the session ended before it agreed to stop");
      await Promise.all(stragglers.map((teammate) => teammate.done));
    },
  };
  return protocol;
}

/** "30 s", "2 min" */
export function seconds(ms: number): string {
  return ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}
