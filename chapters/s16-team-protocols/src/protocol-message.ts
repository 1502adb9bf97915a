// The one request/response shape: every protocol message is a mailbox message of kind "request" or
// "response" whose text starts "<kind>_<request|response> <request_id>"; the record it names is the truth.
import type { RequestKind, RequestState, Team, TeamRequest } from "@lcc/s15";
import type { ProtocolRequests } from "./request-store.ts";

/** A protocol message as sent in a mailbox: which request it is about, and (a response) its decision. */
export type ProtocolMessage =
  | { type: "request"; kind: RequestKind; request_id: string; body: string }
  | {
      type: "response";
      kind: RequestKind;
      request_id: string;
      state: Exclude<RequestState, "pending">;
      body: string;
    };

const HEADER =
  /^(shutdown|plan)_(request|response) (req_[0-9a-f]{16})(?: (approved|rejected|expired))?(?::\s?([\s\S]*))?$/;

/** How the receiver answers each kind of request (told in the request itself). */
const HOW_TO_ANSWER: Record<RequestKind, (id: string) => string> = {
  shutdown: (id) =>
    `Answer with shutdown_response {"request_id": "${id}", "approve": true|false, "reason"?}: approve to stop after this step, reject (with a reason) to go on.`,
  plan: (id) => `Review it with plan_review {"request_id": "${id}", "approve": true|false, "feedback"?}.`,
};

/** The message text: a header line naming the request, its body, and (a request) how to answer it. */
export function formatProtocolMessage(message: ProtocolMessage): string {
  if (message.type === "request")
    return `${message.kind}_request ${message.request_id}: ${message.body}\n\n${HOW_TO_ANSWER[message.kind](message.request_id)}`;
  const body = message.body ? `: ${message.body}` : "";
  return `${message.kind}_response ${message.request_id} ${message.state}${body}`;
}

/** The protocol message in `content`, or undefined when it is not one. */
export function parseProtocolMessage(content: string): ProtocolMessage | undefined {
  const match = HEADER.exec(content);
  if (!match) return undefined;
  const [, kind, type, id, state, rest = ""] = match;
  if (!kind || !id) return undefined;
  if (type === "response")
    return state
      ? { type, kind: kind as RequestKind, request_id: id, state: state as "approved", body: rest }
      : undefined;
  return { type: "request", kind: kind as RequestKind, request_id: id, body: rest.split("\n\n")[0] ?? "" };
}

/**
 * Stores a pending request and sends it to `to` as a "request" message (which wakes it). When the send
 * is refused (unknown or stopped recipient), the record is expired and the TeamError thrown.
 */
export async function openRequest(
  team: Team,
  requests: ProtocolRequests,
  request: { kind: RequestKind; from: string; to: string; body: string },
): Promise<string> {
  const id = await requests.create(request);
  const content = formatProtocolMessage({
    type: "request",
    kind: request.kind,
    request_id: id,
    body: request.body,
  });
  try {
    await team.send(request.from, request.to, content, "request");
  } catch (error) {
    await requests.expire(id).catch(() => undefined);
    throw error;
  }
  return id;
}

/** Tells the requester the decision of `request` as a "response" message (which wakes it). */
export async function sendResponse(team: Team, request: TeamRequest): Promise<void> {
  if (request.state === "pending") throw new Error(`request ${request.id} is still pending`);
  const content = formatProtocolMessage({
    type: "response",
    kind: request.kind,
    request_id: request.id,
    state: request.state,
    body: request.reason ?? "",
  });
  await team.send(request.to, request.from, content, "response");
}
