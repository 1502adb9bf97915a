// `lcc -p` with a team (s15): the run goes on while teammates work. Whenever their messages reach the
// lead's queue, the lead runs another turn for them; the run ends once no teammate is working and nothing
// waits (then the session closes and stops the idle ones through s16's handshake).
import type Anthropic from "@anthropic-ai/sdk";
import { LEAD_NAME } from "@lcc/s15"; // s15: the lead's inbox
import type { AgentSession, TurnResult } from "../session/agent-session.ts";
import type { TokenUsage } from "../session/cost.ts";
import { workingTeammates } from "../session/team-left.ts";

/**
 * Runs `prompt`, then a turn for each batch of team messages until the team is done or `signal` aborts.
 * The result is the last turn's answer with the whole run's requests, time and usage (teammates' included).
 * `onWait` hears the names of the teammates the run waits for, once per wait.
 */
export async function runWithTeam(
  session: AgentSession,
  prompt: string | Anthropic.ContentBlockParam[],
  signal: AbortSignal,
  onWait: (names: string[]) => void = () => {},
): Promise<TurnResult> {
  const started = Date.now();
  const before = session.usage.total();
  let last = await session.runTurn(prompt, signal);
  let turns = last.turns;
  let apiDurationMs = last.apiDurationMs;
  while (!signal.aborted && last.reason !== "error" && last.reason !== "aborted") {
    if (session.core.queue.size() === 0) {
      const working = workingTeammates(session.core.setup);
      // A report already in the lead's inbox but not yet queued counts: its delivery is on its way.
      if (working.length === 0 && (await unreadByLead(session)) === 0) break;
      if (working.length > 0) onWait(working);
      await teamNews(session, signal);
      continue;
    }
    last = await session.runTurn([], signal);
    turns += last.turns;
    apiDurationMs += last.apiDurationMs;
  }
  return {
    ...last,
    turns,
    apiDurationMs,
    durationMs: Date.now() - started,
    usage: difference(session.usage.total(), before),
  };
}

/** Messages in the lead's inbox not yet acknowledged (queued or on their way); 0 when it cannot be read. */
function unreadByLead(session: AgentSession): Promise<number> {
  return session.core.setup.team
    .mailbox(LEAD_NAME)
    .peek()
    .catch(() => 0);
}

/** How long a wait lasts at most before the team is looked at again (a delivery or acknowledgement in flight). */
const RECHECK_MS = 250;

/** Resolves when a message is queued for the lead, a teammate changes state, the signal aborts, or RECHECK_MS pass. */
function teamNews(session: AgentSession, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(), RECHECK_MS);
    const done = () => {
      clearTimeout(timer);
      stopQueue();
      stopEvents();
      signal.removeEventListener("abort", done);
      resolve();
    };
    const stopQueue = session.core.queue.onPush(done);
    const stopEvents = session.core.subscribe(
      (event) => {
        if (event.type === "teammate_state") done();
      },
      { replay: false },
    );
    signal.addEventListener("abort", done, { once: true });
    if (session.core.queue.size() > 0 || signal.aborted) done();
  });
}

function difference(after: TokenUsage, before: TokenUsage): TokenUsage {
  return {
    input_tokens: after.input_tokens - before.input_tokens,
    output_tokens: after.output_tokens - before.output_tokens,
    cache_read_input_tokens: after.cache_read_input_tokens - before.cache_read_input_tokens,
    cache_creation_input_tokens: after.cache_creation_input_tokens - before.cache_creation_input_tokens,
  };
}
