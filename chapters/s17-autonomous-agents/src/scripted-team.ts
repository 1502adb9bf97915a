// Reading a teammate's requests, for scripted models (the tests and the demo): the newest message's text,
// the task a <claimed-task> block hands over, a shutdown request's id, and a teammate that approves it.
import { type FakeReply, type RecordedRequest, reply, toolUse } from "@lcc/testkit";

/** The text the newest message of a request carries: its text blocks and tool results, one per line. */
export function lastMessageText(request: RecordedRequest): string {
  const content = request.body.messages.at(-1)?.content;
  if (typeof content === "string") return content;
  return (content ?? [])
    .map((block) => {
      if (block.type === "text") return block.text;
      if (block.type === "tool_result")
        return typeof block.content === "string" ? block.content : JSON.stringify(block.content);
      return "";
    })
    .join("\n");
}

/** The id of the task a request's newest message hands over in a <claimed-task> block, if any. */
export function claimedTaskId(request: RecordedRequest): number | undefined {
  const match = /<claimed-task id="(\d+)">/.exec(lastMessageText(request));
  return match ? Number(match[1]) : undefined;
}

/** The id of the shutdown request a request's newest message hands over (s16's message), if any. */
export function shutdownRequestId(request: RecordedRequest): string | undefined {
  return /shutdown_request (req_[0-9a-f]{16})/.exec(lastMessageText(request))?.[1];
}

/** A scripted teammate that approves every shutdown request it is handed and otherwise does `otherwise`. */
export function approvingShutdown(otherwise: (request: RecordedRequest) => FakeReply) {
  return (request: RecordedRequest): FakeReply => {
    const id = shutdownRequestId(request);
    return id ? reply(toolUse("shutdown_response", { request_id: id, approve: true })) : otherwise(request);
  };
}
