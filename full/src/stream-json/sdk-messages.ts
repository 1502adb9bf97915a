// The session's events as the Agent SDK's messages: each finished model reply an `assistant` message, each
// tool result a `user` message; a subagent's carry the tool_use id of the call that started it.
import { randomUUID } from "node:crypto";
import type { AgentEvent } from "@lcc/s02";
import { retryEvent } from "../headless/headless.ts";
import type { AgentSession } from "../session/agent-session.ts";

/** Where a message came from: the main thread (null) or the subagent started by this tool_use id. */
type ParentToolUseId = string | null;

/**
 * Writes the SDK messages of `session`'s events through `send` until the returned function is called:
 * `assistant` (the API's message as it came), `user` (one tool_result), `system`/`api_retry` (s11's waits).
 * Every message carries a fresh `uuid` and the session's id.
 */
export function streamSdkMessages(session: AgentSession, send: (message: object) => void): () => void {
  return session.core.subscribe(
    (event) => {
      const { inner, parent } = unwrapSubagent(event);
      const base = () => ({
        parent_tool_use_id: parent,
        uuid: randomUUID(),
        session_id: session.sessionId(),
      });
      if (inner.type === "turn_end") send({ type: "assistant", message: inner.message, ...base() });
      if (inner.type === "tool_end")
        send({
          type: "user",
          message: {
            role: "user",
            content: [
              { type: "tool_result", tool_use_id: inner.id, content: inner.output, is_error: inner.isError },
            ],
          },
          ...base(),
        });
      if (inner.type === "model_retry" && parent === null)
        send({ ...retryEvent(inner, session.sessionId()), uuid: randomUUID() });
    },
    { replay: false },
  );
}

/** The event inside any subagent wrapping, with the tool_use id of the innermost agent call. */
function unwrapSubagent(event: AgentEvent): { inner: AgentEvent; parent: ParentToolUseId } {
  let inner = event;
  let parent: ParentToolUseId = null;
  while (inner.type === "subagent_event") {
    parent = inner.parentToolUseId;
    inner = inner.event;
  }
  return { inner, parent };
}
