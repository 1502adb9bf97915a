// History helpers that keep the pairing invariant: never two consecutive messages of one role.
import type Anthropic from "@anthropic-ai/sdk";

export type MessageParam = Anthropic.MessageParam;
export type UserContentBlock = Anthropic.ContentBlockParam;

/**
 * Appends user content to the history. If the last message is already a user message (a prompt
 * after an interrupted turn, a reminder after tool results) the blocks join it, so two user
 * messages are never sent in a row and tool results stay first. Empty content adds nothing.
 */
export function appendUserContent(messages: MessageParam[], content: string | UserContentBlock[]): void {
  const blocks: UserContentBlock[] =
    typeof content === "string" ? [{ type: "text", text: content }] : content;
  if (blocks.length === 0) return;
  const last = messages.at(-1);
  if (last?.role === "user") {
    const existing: UserContentBlock[] =
      typeof last.content === "string" ? [{ type: "text", text: last.content }] : last.content;
    last.content = [...existing, ...blocks];
    return;
  }
  messages.push({ role: "user", content: blocks });
}

/** Concatenated text of an assistant message's text blocks. */
export function textOf(
  content: readonly Anthropic.ContentBlock[] | readonly Anthropic.ContentBlockParam[],
): string {
  return content
    .map((block) => (block.type === "text" ? block.text : ""))
    .join("")
    .trim();
}

/**
 * After an abort mid-stream: the text already shown, as an assistant message (never a half tool
 * call, never a whitespace-only block, which the API refuses). Undefined when no text had arrived.
 */
export function partialAssistantMessage(partial: Anthropic.Message | undefined): MessageParam | undefined {
  const texts =
    partial?.content.flatMap((block) => (block.type === "text" && block.text.trim() ? [block.text] : [])) ??
    [];
  if (texts.length === 0) return undefined;
  return { role: "assistant", content: texts.map((text) => ({ type: "text", text })) };
}

/**
 * Answers to tool calls a reply ended without asking to run (stop reason other than tool_use): a
 * reply cut off by max_tokens can end in a tool_use whose input is incomplete. Each gets an is_error
 * result saying so; none of them runs.
 */
export function unfinishedToolResults(
  calls: readonly { id: string }[],
  stopReason: string,
): Anthropic.ToolResultBlockParam[] {
  return calls.map((call) => ({
    type: "tool_result",
    tool_use_id: call.id,
    content:
      `Not run: the reply stopped (${stopReason}) before this call was complete. ` +
      "Call the tool again; split a very large input into several calls.",
    is_error: true,
  }));
}
