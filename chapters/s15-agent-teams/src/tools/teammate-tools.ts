// The tools every teammate has besides those it inherits: its own send_message, read_inbox and
// list_teammates (the lead's copies are parentOnly, so a teammate never speaks with the lead's name).
import type { Tool } from "@lcc/s02";
import type { Team } from "../team.ts";
import { createListTeammatesTool } from "./list-teammates.ts";
import { createReadInboxTool } from "./read-inbox.ts";
import { createSendMessageTool } from "./send-message.ts";

export function teammateTools(team: Team, name: string): Tool[] {
  return [
    createSendMessageTool(team, name),
    createReadInboxTool(team, name),
    createListTeammatesTool(team, name),
  ];
}
