// `send_message {to, content}`: appends to one inbox (the lead's or a teammate's) and wakes its reader.
import { formatCount } from "@lcc/chapter-kit";
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import type { Team } from "../team.ts";
import { LEAD_NAME } from "../team-names.ts";

/** Most characters one message may carry (the model is told; a longer one is refused by the schema). */
export const MAX_MESSAGE_CHARS = 20_000;

/** The tool as `from` uses it; the lead's copy is parentOnly so teammates get their own. */
export function createSendMessageTool(team: Team, from: string) {
  return defineTool({
    name: "send_message",
    description:
      `Send a message to "${LEAD_NAME}" or to a teammate by name (list_teammates shows the team). It is appended ` +
      "to their inbox and delivered with their next model call; nothing is ever lost or read twice. A stopped " +
      `or unknown teammate is refused. At most ${formatCount(MAX_MESSAGE_CHARS)} characters: ` +
      "say what you found or need, with file paths, not whole files.",
    input: z.object({
      to: z.string().trim().min(1).describe(`"${LEAD_NAME}" or a teammate's name`),
      content: z.string().trim().min(1).max(MAX_MESSAGE_CHARS).describe("The message"),
    }),
    ownStateOnly: true,
    parentOnly: from === LEAD_NAME,
    summarizeInput: (input) => `→ ${(input as { to?: string }).to ?? "?"}`,
    async run({ to, content }) {
      if (to === from) return { content: "That is you: message not sent.", isError: true };
      const id = await team.send(from, to, content);
      return { content: `Sent to ${to}.`, details: { to, id } };
    },
  });
}
