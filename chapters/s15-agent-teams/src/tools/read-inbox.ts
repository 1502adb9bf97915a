// `read_inbox {limit?}`: the newest messages of one's own inbox again, delivered or not. Delivery itself is
// automatic (each new message rides on the next model call), so this never moves the cursor.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import type { MailboxMessage } from "../mailbox.ts";
import type { Team } from "../team.ts";
import { LEAD_NAME } from "../team-names.ts";

export function createReadInboxTool(team: Team, owner: string) {
  return defineTool({
    name: "read_inbox",
    description:
      "Show the newest messages of your inbox (default 10, at most 50), oldest first, including those already " +
      "delivered to you. New messages arrive by themselves as <team-inbox> blocks; use this to look back at " +
      "what was said (after a long task, or when a summary lost the details).",
    input: z.object({ limit: z.number().int().min(1).max(50).optional() }),
    readOnly: true,
    concurrencySafe: true,
    ownStateOnly: true,
    parentOnly: owner === LEAD_NAME,
    summarizeInput: (input) => String((input as { limit?: number }).limit ?? 10),
    async run({ limit = 10 }) {
      const messages = await team.mailbox(owner).recent(limit);
      if (messages.length === 0) return { content: "Your inbox is empty.", details: { messages } };
      return { content: messages.map(describeMessage).join("\n\n"), details: { messages } };
    },
  });
}

/** One message as the model and /inbox show it. */
export function describeMessage(message: MailboxMessage): string {
  const kind = message.kind === "message" ? "" : ` (${message.kind})`;
  return `[${message.sentAt}] ${message.from}${kind}:\n${message.content}`;
}
