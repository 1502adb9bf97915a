// `task_create`: add a task to the durable graph; the result gives its id and whether it can start now.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import { TASK_DESCRIPTION_MAX_CHARS, TASK_LINKS_MAX, TASK_SUBJECT_MAX_CHARS, type Task } from "./task.ts";
import { descriptionInput, subjectInput, taskIdsInput } from "./task-input.ts";
import { renderTaskLine } from "./task-render.ts";
import type { TaskStore } from "./task-store.ts";

export const taskCreateInput = z.object({
  subject: subjectInput,
  description: descriptionInput.optional(),
  blockedBy: taskIdsInput(
    "Ids of existing tasks that must be completed before this one can start.",
  ).optional(),
  blocks: taskIdsInput("Ids of existing tasks that cannot start until this one is completed.").optional(),
});

/** What the UI, logs and tests read about a creation. */
export interface TaskCreateDetails {
  task: Task;
}

export function createTaskCreateTool(store: TaskStore) {
  return defineTool({
    name: "task_create",
    description:
      `Add a task to this project's durable task graph (kept in ${store.displayPath(store.folder)}; it outlives this session and is shared ` +
      "with other sessions and agents on this workspace). Returns the new task's id (numbers are never reused). " +
      "Link it with blockedBy / blocks to existing task ids; each link is recorded on both tasks, and a link " +
      `that would make a cycle is refused. Limits: subject one line of ${TASK_SUBJECT_MAX_CHARS} characters, description ` +
      `${TASK_DESCRIPTION_MAX_CHARS.toLocaleString("en")} characters, ${TASK_LINKS_MAX} ids per list. ` +
      "Create tasks first, then call task_update with status in_progress when you start one.",
    input: taskCreateInput,
    summarizeInput: (input) => (input as { subject?: string }).subject ?? "",
    async run(input) {
      const { task, tasks } = await store.create({
        subject: input.subject,
        ...(input.description ? { description: input.description } : {}),
        ...(input.blockedBy ? { blockedBy: input.blockedBy } : {}),
        ...(input.blocks ? { blocks: input.blocks } : {}),
      });
      const details: TaskCreateDetails = { task };
      const line = renderTaskLine(task, tasks);
      const start = line.includes("· blocked by") ? "It waits for its blockers." : "It can start now.";
      return { content: `Created task #${task.id}: ${line}\n${start}`, details };
    },
  });
}
