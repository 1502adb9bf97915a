// A fake-model script for protocol runs (tests and the demo): per-agent replies like s15's teamScript, where
// a reply may be built from the request, so it can quote the request_id the run just made.
import { agentOfRequest } from "@lcc/s15";
import type { FakeReply, RecordedRequest, Script } from "@lcc/testkit";

/** A reply, or a function making it from the request (to answer a request_id seen in the conversation). */
export type ProtocolReply = FakeReply | ((request: RecordedRequest) => FakeReply | Promise<FakeReply>);

/**
 * Routes each request to its agent's list (the lead, or a teammate by its system prompt), in order. An agent
 * that runs out gets `after(agent)` when given, else the fake answers 500 naming it.
 */
export function protocolScript(
  replies: Record<
    string,
    readonly ProtocolReply[] | ((request: RecordedRequest) => FakeReply | Promise<FakeReply>)
  >,
  after?: (agent: string) => FakeReply,
): Script {
  const used = new Map<string, number>();
  return (request) => {
    const agent = agentOfRequest(request);
    const own = replies[agent];
    if (typeof own === "function") return own(request);
    const index = used.get(agent) ?? 0;
    used.set(agent, index + 1);
    const next = own?.[index];
    if (next) return typeof next === "function" ? next(request) : next;
    if (after) return after(agent);
    throw new Error(`the protocol script has no reply ${index + 1} for ${agent}`);
  };
}

/**
 * The id of the newest `<kind>_request` the agent was shown in this request's conversation (a message in its
 * inbox); throws when there is none, so a script that expected one fails loudly.
 */
export function requestIdIn(request: RecordedRequest, kind: "shutdown" | "plan"): string {
  const seen = [
    ...JSON.stringify(request.body.messages).matchAll(new RegExp(`${kind}_request (req_[0-9a-f]{16})`, "g")),
  ];
  const id = seen.at(-1)?.[1];
  if (!id) throw new Error(`no ${kind}_request in the conversation of this request`);
  return id;
}

/** One rule of `reactions`: when the newest user message matches `when`, reply `then(request, match)`. */
export type Reaction = [when: RegExp, then: (request: RecordedRequest, match: RegExpExecArray) => FakeReply];

/**
 * An agent that reacts to what it was just given (a prompt, a tool result, an inbox message) rather than
 * counting its calls: the first rule whose pattern matches its newest user message answers, else `otherwise`.
 * Used for the lead, whose turns may be joined by inbox messages at any point.
 */
export function reactions(rules: readonly Reaction[], otherwise: FakeReply) {
  return (request: RecordedRequest): FakeReply => {
    const newest = JSON.stringify(request.body.messages.at(-1)?.content ?? "");
    for (const [when, then] of rules) {
      const match = when.exec(newest);
      if (match) return then(request, match);
    }
    return otherwise;
  };
}
