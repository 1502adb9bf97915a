// `list_teammates`: the roster with each teammate's role, state, task and where it works.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import type { Member } from "../roster.ts";
import type { Team } from "../team.ts";
import { LEAD_NAME } from "../team-names.ts";

/** One roster line: "alice (tester) · idle · task #3 · in .lcc/worktrees/a". */
export function describeMember(member: Member): string {
  const parts = [`${member.name} (${member.role})`, member.state];
  if (member.task) parts.push(`task ${member.task}`);
  if (member.workspace) parts.push(`in ${member.workspace}`);
  return parts.join(" · ");
}

export function createListTeammatesTool(team: Team, owner: string) {
  return defineTool({
    name: "list_teammates",
    description:
      `List the team: each teammate's name, role, state (working, idle, stopped) and current task. "${LEAD_NAME}" ` +
      "leads the team and is not listed. A stopped teammate receives nothing until it is spawned again.",
    input: z.object({}),
    readOnly: true,
    concurrencySafe: true,
    ownStateOnly: true,
    parentOnly: owner === LEAD_NAME,
    summarizeInput: () => "",
    async run() {
      const members = await team.roster.list();
      if (members.length === 0) return { content: "Nobody is on the team yet.", details: { members } };
      return { content: members.map(describeMember).join("\n"), details: { members } };
    },
  });
}
