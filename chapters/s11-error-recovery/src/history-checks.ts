// Test helper: what must hold of a history after any retry — each message once, roles alternating.
import type { MessageParam } from "@lcc/s01";
import { expect } from "vitest";

/** Fails unless no message appears twice and user/assistant alternate, starting with the user. */
export function expectEachMessageOnce(messages: readonly MessageParam[]): void {
  const serialized = messages.map((message) => JSON.stringify(message));
  expect(new Set(serialized).size, "a message appears twice in the history").toBe(serialized.length);
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
