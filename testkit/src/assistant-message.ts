// Turns a scripted FakeReply into the full assistant Message the API would return:
// ids assigned, stop_reason defaulted, output tokens estimated.

import { estimateBlockTokens } from "./prompt-blocks.ts";
import type { InputUsage } from "./prompt-cache.ts";
import type { FakeReply, FakeStopReason, FakeUsage } from "./types.ts";

/** A content block as the fake returns it. */
export type ResponseBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: unknown };

/** The Message JSON of a non-streaming reply (and the sum of a streamed one). */
export interface AssistantMessage {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: ResponseBlock[];
  stop_reason: FakeStopReason;
  stop_sequence: null;
  stop_details: null;
  usage: FakeUsage;
}

/** What {@link buildAssistantMessage} needs besides the reply. */
export interface MessageContext {
  id: string;
  model: string;
  inputUsage: InputUsage;
  /** Returns a fresh tool_use id for a block that has none. */
  nextToolUseId(): string;
}

/** Builds the Message for a reply. Pure apart from `nextToolUseId`. */
export function buildAssistantMessage(reply: FakeReply, context: MessageContext): AssistantMessage {
  const content: ResponseBlock[] = (reply.content ?? []).map((block) =>
    block.type === "text"
      ? { type: "text", text: block.text }
      : {
          type: "tool_use",
          id: block.id ?? context.nextToolUseId(),
          name: block.name,
          input: block.input ?? {},
        },
  );
  const hasToolUse = content.some((block) => block.type === "tool_use");
  const estimatedOutput = content.reduce((sum, block) => sum + estimateBlockTokens(block), 0);
  return {
    id: context.id,
    type: "message",
    role: "assistant",
    model: context.model,
    content,
    stop_reason: reply.stop_reason ?? (hasToolUse ? "tool_use" : "end_turn"),
    stop_sequence: null,
    stop_details: null,
    usage: { ...context.inputUsage, output_tokens: reply.outputTokens ?? Math.max(1, estimatedOutput) },
  };
}
