// The lead's team tools: spawn_teammate, list_teammates, send_message, read_inbox and broadcast, each
// parentOnly (a teammate has its own copies that speak with its own name).
import type { Tool } from "@lcc/s02";
import type { Team } from "../team.ts";
import { LEAD_NAME } from "../team-names.ts";
import { createBroadcastTool } from "./broadcast-tool.ts";
import { createListTeammatesTool } from "./list-teammates.ts";
import { createReadInboxTool } from "./read-inbox.ts";
import { createSendMessageTool } from "./send-message.ts";
import { createSpawnTeammateTool, type SpawnPlace } from "./spawn-teammate.ts";

export function leadTools(team: Team, place?: SpawnPlace): Tool[] {
  return [
    createSpawnTeammateTool(team, place),
    createListTeammatesTool(team, LEAD_NAME),
    createSendMessageTool(team, LEAD_NAME),
    createReadInboxTool(team, LEAD_NAME),
    createBroadcastTool(team, LEAD_NAME),
  ];
}
