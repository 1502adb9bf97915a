// Test helper: what must hold of a history after any retry — each message once, roles alternating.
import type { MessageParam } from "@lcc/s01";
import { expect } from "vitest";

/**
 * Fails unless user and assistant alternate, starting with the user, and no assistant reply appears
 * twice (a retried call stores its reply once). User messages may repeat legitimately (the same
 * continuation instruction), so the tests that retry also compare the whole history.
 */
export function expectEachMessageOnce(messages: readonly MessageParam[]): void {
  const replies = messages
    .filter((message) => message.role === "assistant")
    .map((message) => JSON.stringify(message));
  expect(new Set(replies).size, "an assistant reply appears twice in the history").toBe(replies.length);
  messages.forEach((message, index) => {
    expect(message.role, `message ${index}`).toBe(index % 2 === 0 ? "user" : "assistant");
  });
}

/** The text of a message's text blocks (or its string content), joined. */
export function textOf(message: MessageParam | undefined): string {
  if (!message) return "";
  if (typeof message.content === "string") return message.content;
  return message.content
    .map((block) =>
      block.type === "text" ? block.text : block.type === "tool_result" ? JSON.stringify(block.content) : "",
    )
    .join("\n");
}
