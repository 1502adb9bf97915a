// Permission questions answered by the Agent SDK host (`--permission-prompt-tool stdio`): each one becomes a
// `can_use_tool` control request, and the host's allow (with its updatedInput) or deny is the answer.
import { type AskUser, askWithoutTerminal } from "@lcc/chapter-kit";
import { claudeToolName, hookToolInput, inputFromHook } from "@lcc/s08"; // s08: Claude Code's tool names and fields
import { isRecord } from "./protocol.ts";
import type { SdkConnection } from "./sdk-connection.ts";

/**
 * An ask that sends permission questions (those carrying their tool call) to the host as `can_use_tool`
 * and refuses every other question as a run without a terminal does. The host sees Claude Code's tool
 * names and input fields (Bash, Edit with file_path…), as its hooks do; its updatedInput comes back in
 * lcc's fields. A deny with `interrupt: true` also calls `interrupt` (the turn stops). Never throws: a
 * failed request is a refusal that says why.
 */
export function createCanUseToolAsk(connection: SdkConnection, interrupt: () => void): AskUser {
  return async (request, signal) => {
    const call = request.call;
    if (!call) return askWithoutTerminal(request, signal);
    let reply: Record<string, unknown>;
    try {
      reply = await connection.request(
        {
          subtype: "can_use_tool",
          tool_name: claudeToolName(call.name),
          input: hookToolInput(call.input),
          tool_use_id: call.id,
          ...(request.detail ? { decision_reason: request.detail } : {}),
          title: request.question,
        },
        signal,
      );
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { kind: "unavailable", reason: `the SDK host did not answer the permission request (${why})` };
    }
    if (reply.behavior === "allow") {
      const updated = reply.updatedInput;
      return isRecord(updated)
        ? { kind: "choice", key: "y", input: inputFromHook(updated, call.input) }
        : { kind: "choice", key: "y" };
    }
    if (reply.interrupt === true) interrupt();
    const message = typeof reply.message === "string" && reply.message.trim() ? reply.message.trim() : "";
    return message ? { kind: "choice", key: "n", text: message } : { kind: "choice", key: "n" };
  };
}
