// Test helpers that read what the fake model received: the team messages delivered in a request
// (its <team-inbox> blocks) and the tool results its last user message carries.
import type { RecordedRequest } from "@lcc/testkit";

/** A message as the model read it in a <team-inbox> block. */
export interface DeliveredMessage {
  from: string;
  kind: string;
  content: string;
}

/** A tool result as the model read it. */
export interface SeenToolResult {
  toolUseId: string;
  isError: boolean;
  text: string;
}

const MESSAGE_PATTERN = /<message from="([^"]+)" kind="([^"]+)" sent="[^"]*">\n([\s\S]*?)\n<\/message>/g;

/** The text blocks of a message's content (a string is one block). */
function textsOf(content: unknown): string[] {
  if (typeof content === "string") return [content];
  if (!Array.isArray(content)) return [];
  return content.flatMap((block: { type?: string; text?: string }) =>
    block.type === "text" && typeof block.text === "string" ? [block.text] : [],
  );
}

/** Every team message in the request's user messages, oldest first (the whole history it sent). */
export function deliveredMessages(request: RecordedRequest | undefined): DeliveredMessage[] {
  const users = (request?.body.messages ?? []).filter((message) => message.role === "user");
  return users.flatMap((message) =>
    textsOf(message.content).flatMap((text) =>
      [...text.matchAll(MESSAGE_PATTERN)].map(([, from = "", kind = "", content = ""]) => ({
        from,
        kind,
        content,
      })),
    ),
  );
}

/** The team messages of the request's last message only (what this call delivered). */
export function newlyDelivered(request: RecordedRequest | undefined): DeliveredMessage[] {
  const last = request?.body.messages.at(-1);
  if (!request || !last) return [];
  return deliveredMessages({ ...request, body: { ...request.body, messages: [last] } });
}

/** The tool results of the request's last message. */
export function toolResultsOf(request: RecordedRequest | undefined): SeenToolResult[] {
  const content = request?.body.messages.at(-1)?.content;
  if (!Array.isArray(content)) return [];
  return content.flatMap((block) => {
    if (block.type !== "tool_result") return [];
    const text = typeof block.content === "string" ? block.content : textsOf(block.content).join("\n");
    return [{ toolUseId: block.tool_use_id, isError: block.is_error === true, text }];
  });
}
