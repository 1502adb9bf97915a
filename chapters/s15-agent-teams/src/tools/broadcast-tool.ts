// `broadcast {content}`: the same message to every working or idle teammate, one append per inbox.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import type { Team } from "../team.ts";
import { LEAD_NAME } from "../team-names.ts";
import { MAX_MESSAGE_CHARS } from "./send-message.ts";

export function createBroadcastTool(team: Team, from: string) {
  return defineTool({
    name: "broadcast",
    description:
      "Send one message to every teammate that is working or idle (not to yourself, not to stopped ones). " +
      "Use it for what everyone needs (a changed plan, a shared convention); send_message for one teammate.",
    input: z.object({ content: z.string().trim().min(1).max(MAX_MESSAGE_CHARS) }),
    ownStateOnly: true,
    parentOnly: from === LEAD_NAME,
    summarizeInput: () => "everyone",
    async run({ content }) {
      const names = (await team.broadcast(from, content)).filter((name) => name !== LEAD_NAME);
      if (names.length === 0) return { content: "Nobody else is on the team: not sent.", details: { names } };
      return { content: `Sent to ${names.join(", ")}.`, details: { names } };
    },
  });
}
