// SOLUTION (s15 01): s15's spawn_teammate with a team size limit: while `maxTeammates` teammates are working
// or idle (read from the roster, so teammates of other processes count too) a spawn is refused, naming them.
// Everything else is chapters/s15-agent-teams/src/tools/spawn-teammate.ts (without s18's SpawnPlace).
import { defineTool, ToolError } from "@lcc/s02";
import { LEAD_NAME, type Team } from "@lcc/s15";
import { z } from "zod";

export interface SpawnLimit {
  /** How many teammates may be working or idle at once. */
  maxTeammates: number;
}

const input = z.object({
  name: z
    .string()
    .trim()
    .describe('Its name: a-z first, then up to 31 of a-z 0-9 _ - (e.g. "alice"); "lead" is yours'),
  role: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('What it is for, in a few words ("tester", "docs writer")'),
  prompt: z
    .string()
    .trim()
    .min(1)
    .describe("Its first task, complete and self-contained: it cannot see this conversation"),
});

export function createSpawnTeammateTool(team: Team, limit: SpawnLimit) {
  return defineTool({
    name: "spawn_teammate",
    description:
      "Start a teammate: a separate agent with its own conversation and inbox that works at the same time as " +
      "you and keeps its name until it stops. It gets your file and shell tools under the same permission " +
      `rules, plus send_message/read_inbox/list_teammates. It reports to you ("${LEAD_NAME}"): its messages and ` +
      "its final answer arrive by themselves in your next turn. A name that is working or idle is refused " +
      `(send it a message instead); a stopped one may be spawned again. At most ${limit.maxTeammates} ` +
      "teammates work or idle at once.",
    input,
    parentOnly: true,
    ownStateOnly: true,
    summarizeInput: (raw) => {
      const { name, role } = raw as { name?: string; role?: string };
      return `${name ?? "?"} (${role ?? "?"})`;
    },
    async run({ name, role, prompt }, context) {
      const active = (await team.roster.list()).filter((member) => member.state !== "stopped");
      // A name already working or idle gets s15's own refusal ("already running") below, not this one.
      if (active.length >= limit.maxTeammates && !active.some((member) => member.name === name))
        throw new ToolError(
          `The team is full: ${limit.maxTeammates} teammates are working or idle (${active.map((member) => member.name).join(", ")}). ` +
            "Give one of them the work with send_message, or wait until one has stopped.",
        );
      const teammate = await team.spawn({
        name,
        role,
        prompt,
        inherited: context.tools.list(),
        childHooks: context.childHooks,
      });
      return {
        content: `${name} joined the team as ${role} and is working on its task. Its messages will reach you.`,
        details: { name, role, workspace: teammate.workspace, tools: teammate.tools.names() },
      };
    },
  });
}
