// A fake-model script for a team (tests and demos): the lead and each teammate have their own list of
// replies, each consumed in order, since agents working at once reach the model in no fixed order.
import type { FakeReply, RecordedRequest, Script } from "@lcc/testkit";
import { LEAD_NAME } from "./team-names.ts";

const TEAMMATE_SYSTEM = /^You are ([a-z][a-z0-9_-]*), a teammate/;

/** Who sent a request: a teammate's name (read from its system prompt), else "lead". */
export function agentOfRequest(request: RecordedRequest): string {
  const system = request.body.system;
  const text = typeof system === "string" ? system : (system ?? []).map((block) => block.text).join("\n");
  return TEAMMATE_SYSTEM.exec(text)?.[1] ?? LEAD_NAME;
}

/** The requests one agent sent, in order. */
export function requestsOf(requests: readonly RecordedRequest[], agent: string): RecordedRequest[] {
  return requests.filter(
    (request) => request.path.endsWith("/messages") && agentOfRequest(request) === agent,
  );
}

/**
 * Routes each request to its agent's list. An agent that runs out gets `after(agent)` when given; without it
 * the fake answers 500 naming the agent (a test that expected fewer requests fails loudly).
 */
export function teamScript(
  replies: Record<string, readonly FakeReply[]>,
  after?: (agent: string, request: RecordedRequest) => FakeReply,
): Script {
  const used = new Map<string, number>();
  return (request) => {
    const agent = agentOfRequest(request);
    const index = used.get(agent) ?? 0;
    used.set(agent, index + 1);
    const next = replies[agent]?.[index];
    if (next) return next;
    if (after) return after(agent, request);
    throw new Error(`the team script has no reply ${index + 1} for ${agent}`);
  };
}
