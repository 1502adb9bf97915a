// `claim_task {id}`: a teammate takes a task from the board itself, under the board's lock with a re-check,
// so of several agents claiming one task exactly one gets it and the others are told who has it.
import { defineTool, type EmitEvent, ToolError } from "@lcc/s02";
import type { TaskStore } from "@lcc/s12";
import type { Team, Teammate } from "@lcc/s15";
import { z } from "zod";
import { recordClaim } from "../claimed-task.ts";
import { claimTask } from "../task-claim.ts";

export function createClaimTaskTool(options: {
  teammate: Teammate;
  team: Team;
  tasks: () => TaskStore;
  emit: EmitEvent;
}) {
  const { teammate, team } = options;
  return defineTool({
    name: "claim_task",
    description:
      "Claim a task from the board (task_list shows it): it becomes yours and in_progress. Only a pending task " +
      "with no owner, no open blockers and, when its subject starts with [roles], your role can be claimed; if " +
      "another agent was faster you are told who has it: pick another. When it is done, task_update it to " +
      "completed. While you are idle you claim tasks by yourself; use this to choose one now.",
    input: z.object({ id: z.number().int().positive().describe("The task's number (#3 is 3).") }),
    ownStateOnly: true,
    summarizeInput: (input) => `#${(input as { id?: number }).id ?? "?"}`,
    async run({ id }) {
      const outcome = await claimTask(options.tasks(), id, { name: teammate.name, role: teammate.role });
      if (!outcome.ok)
        throw new ToolError(`${outcome.reason} Nothing was changed; task_list shows what is free.`);
      await recordClaim(team, teammate, outcome.task, "claim_task", options.emit);
      return {
        content:
          `Claimed task #${id}: ${outcome.task.subject}. It is yours and in_progress; ` +
          `task_update {"id": ${id}, "status": "completed"} when it is done.`,
        details: { task: outcome.task },
      };
    },
  });
}
