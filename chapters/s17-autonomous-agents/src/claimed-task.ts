// What follows a successful claim: the roster shows the task, the session sees a task_claimed event, and
// (for a claim made while idle) the task reaches the teammate as its next work, a <claimed-task> block.
import type { EmitEvent } from "@lcc/s02";
import type { Task } from "@lcc/s12";
import type { Team, Teammate } from "@lcc/s15";
import type { ClaimVia } from "./autonomy-events.ts";

/** The text a task claimed while idle adds to the teammate's next model call. Pure. */
export function claimedTaskMessage(task: Task): string {
  return [
    `<claimed-task id="${task.id}">`,
    `While you were idle you claimed task #${task.id} from the board; it is yours now (in_progress).`,
    `Subject: ${task.subject}`,
    ...(task.description ? [`Description: ${task.description}`] : []),
    `When it is done: task_update {"id": ${task.id}, "status": "completed"}. If you cannot do it, tell the lead`,
    `why and give it back: task_update {"id": ${task.id}, "status": "pending", "owner": ""}.`,
    "</claimed-task>",
  ].join("\n");
}

/**
 * Records `teammate`'s claim: its roster entry shows the task (state working: it is about to work on it) and
 * a task_claimed event is emitted. A roster failure is reported, never thrown.
 */
export async function recordClaim(
  team: Team,
  teammate: Teammate,
  task: Task,
  via: ClaimVia,
  emit: EmitEvent,
): Promise<void> {
  emit({ type: "task_claimed", name: teammate.name, id: task.id, subject: task.subject, via });
  await team.roster
    .setState(teammate.name, "working", `#${task.id} ${task.subject}`)
    .catch((error: unknown) =>
      emit({
        type: "notice",
        source: "team",
        level: "warn",
        text: `roster: ${teammate.name} claimed #${task.id}, not recorded: ${String(error)}`,
      }),
    );
}
