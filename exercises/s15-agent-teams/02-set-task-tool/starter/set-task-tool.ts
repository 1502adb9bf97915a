// EXERCISE (s15 02): a tool only teammates have, `set_task {task}`: the teammate says what it is working on, and
// the roster records it, so the lead's list_teammates (and /team) show it. Plugged in as a TeammateExtension.
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
      // TODO: record `task` for this teammate in the team's roster (it is working while it calls a tool).
      void team;
      return { content: `Noted: ${teammate.name} is on "${task}".` };
    },
  });
}
