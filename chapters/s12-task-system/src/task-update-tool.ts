// `task_update`: change a task's status, owner, text or links in one locked transaction; the result says
// what changed and names the tasks that became ready.
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import { TASK_STATUSES, type Task } from "./task.ts";
import { descriptionInput, subjectInput, taskIdInput, taskIdsInput } from "./task-input.ts";
import { renderTaskLine } from "./task-render.ts";
import type { TaskStore, UpdateOutcome } from "./task-store.ts";

export const taskUpdateInput = z.object({
  id: taskIdInput,
  status: z
    .enum(TASK_STATUSES)
    .describe("in_progress when you start, completed when done, deleted removes it for good.")
    .optional(),
  owner: z.string().trim().max(100).describe('An agent name; "" clears it.').optional(),
  subject: subjectInput.optional(),
  description: descriptionInput.optional(),
  addBlockedBy: taskIdsInput("Ids that must be completed first.").optional(),
  addBlocks: taskIdsInput("Ids that wait for this one.").optional(),
});

/** What the UI, logs and tests read about an update. */
export interface TaskUpdateDetails {
  task: Task;
  deleted: boolean;
  /** Ids of the tasks this change made ready. */
  ready: number[];
}

export function createTaskUpdateTool(store: TaskStore) {
  return defineTool({
    name: "task_update",
    // Writes only the task graph: s07 lets it run without a question (a deny rule still wins).
    ownStateOnly: true,
    description:
      "Change one task: status, owner, subject, description, or add links (addBlockedBy / addBlocks, recorded on " +
      "both tasks; a cycle is refused and nothing changes). Give only what changes. Completing a task names the " +
      "tasks that became ready: start one of those next.",
    input: taskUpdateInput,
    summarizeInput: (input) => {
      const { id, status } = input as { id?: number; status?: string };
      return `#${id ?? "?"}${status ? ` → ${status}` : ""}`;
    },
    async run(input) {
      const { id, ...changes } = input;
      if (Object.values(changes).every((value) => value === undefined))
        throw new ToolError(
          "Nothing to change: give at least one of status, owner, subject, description, addBlockedBy, addBlocks.",
        );
      const outcome = await store.update(id, changes);
      const details: TaskUpdateDetails = {
        task: outcome.task,
        deleted: outcome.deleted,
        ready: outcome.ready.map((task) => task.id),
      };
      return { content: describeUpdate(outcome), details };
    },
  });
}

/** The result text: what changed, the task as it is now, the tasks that became ready. Pure. */
export function describeUpdate(outcome: UpdateOutcome): string {
  const { before, task, tasks } = outcome;
  const lines = outcome.deleted
    ? [`Deleted task #${task.id} (${task.subject}); its links to other tasks are gone.`]
    : [`Updated task #${task.id}${describeChanges(before, task)}: ${renderTaskLine(task, tasks)}`];
  if (outcome.ready.length > 0)
    lines.push(
      `Now ready (no open blockers): ${outcome.ready.map((ready) => `#${ready.id} ${ready.subject}`).join("; ")}.`,
    );
  if (
    !outcome.deleted &&
    task.status === "in_progress" &&
    renderTaskLine(task, tasks).includes("· blocked by")
  )
    lines.push("Note: its blockers are not completed yet.");
  return lines.join("\n");
}

function describeChanges(before: Task, after: Task): string {
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`status ${before.status} → ${after.status}`);
  if (before.owner !== after.owner) changes.push(`owner ${after.owner ?? "cleared"}`);
  if (before.subject !== after.subject) changes.push("subject");
  if (before.description !== after.description) changes.push("description");
  const added = (now: number[], was: number[]) => now.filter((id) => !was.includes(id)).map((id) => `#${id}`);
  const blockedBy = added(after.blockedBy, before.blockedBy);
  const blocks = added(after.blocks, before.blocks);
  if (blockedBy.length > 0) changes.push(`now blocked by ${blockedBy.join(", ")}`);
  if (blocks.length > 0) changes.push(`now blocks ${blocks.join(", ")}`);
  return changes.length === 0 ? " (no change)" : ` (${changes.join("; ")})`;
}
