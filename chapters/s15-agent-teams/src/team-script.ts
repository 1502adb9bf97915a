// A fake-model script for a team (tests and demos): the lead and each teammate have their own list of
// replies, each consumed in order, since agents working at once reach the model in no fixed order.
import type { FakeReply, RecordedRequest, Script } from "@lcc/testkit";
import { LEAD_NAME } from "./team-names.ts";

const TEAMMATE_SYSTEM = /^You are ([a-z][a-z0-9_-]*), a teammate/;

/** One entry of an agent's list: a reply, or a function that may wait (a gate) before giving one. */
export type TeamReply = FakeReply | ((request: RecordedRequest) => FakeReply | Promise<FakeReply>);

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

/** An agent that answers every request by reading it, instead of a list (s16's reactions). */
export type AgentScript = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

/**
 * Routes each request to its agent's list (or its AgentScript). An agent that runs out gets `after(agent)` when given; without it
 * the fake answers 500 naming the agent (a test that expected fewer requests fails loudly).
 */
export function teamScript(
  replies: Record<string, readonly TeamReply[] | AgentScript>,
  after?: (agent: string, request: RecordedRequest) => FakeReply,
): Script {
  const used = new Map<string, number>();
  return (request) => {
    const agent = agentOfRequest(request);
    const own = replies[agent];
    if (typeof own === "function") return own(request);
    const index = used.get(agent) ?? 0;
    used.set(agent, index + 1);
    const next = own?.[index];
    if (typeof next === "function") return next(request);
    if (next) return next;
    if (after) return after(agent, request);
    throw new Error(`the team script has no reply ${index + 1} for ${agent}`);
  };
}

/** A gate for a scripted reply: `wait` resolves once `open()` was called (tests hold an agent mid-turn). */
export interface Gate {
  open(): void;
  readonly wait: Promise<void>;
}

export function createGate(): Gate {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open: () => open(), wait };
}

/** A reply given only once `gate` is open (the model "thinks" until the test lets it answer). */
export function gated(gate: Gate | Promise<unknown>, fakeReply: FakeReply): TeamReply {
  return async () => {
    await ("wait" in gate ? gate.wait : gate);
    return fakeReply;
  };
}
