// SOLUTION (s15 02): `set_task {task}`, a tool only teammates have (a TeammateExtension): the teammate's current
// task goes into its roster record, the team's shared truth, so the lead's list_teammates and /team show it.
import { defineTool } from "@lcc/s02";
import type { Team, Teammate } from "@lcc/s15";
import { z } from "zod";

export function createSetTaskTool(team: Team, teammate: Teammate) {
  return defineTool({
    name: "set_task",
    description:
      'Say what you are working on now, in a few words (e.g. "writing the parser tests"). The lead sees it ' +
      "next to your name in list_teammates. Call it when you start something new.",
    input: z.object({
      task: z.string().trim().min(1).max(200).describe("What you are working on, one line"),
    }),
    ownStateOnly: true,
    async run({ task }) {
      // One line: the roster's listing shows a member on one line.
      const line = task.replace(/\s+/g, " ");
      // Bound to this teammate's own name: a teammate can only say what IT is doing.
      const member = await team.roster.setState(teammate.name, "working", line);
      return { content: `The team now sees you on: ${member.task}.`, details: { member } };
    },
  });
}
