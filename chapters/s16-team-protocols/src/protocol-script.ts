// Helpers for fake-model scripts of protocol runs (tests and the demo, with s15's teamScript): the request_id
// an agent was just shown, and agents that react to what they were given.
import { type FakeReply, type RecordedRequest, reply, toolUse } from "@lcc/testkit";

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

/** A teammate's answer to the newest shutdown_request it was shown: approve (or reject, with `reason`). */
export function shutdownAnswer(approve: boolean, reason?: string): (request: RecordedRequest) => FakeReply {
  return (request) =>
    reply(
      toolUse("shutdown_response", {
        request_id: requestIdIn(request, "shutdown"),
        approve,
        ...(reason ? { reason } : {}),
      }),
    );
}
