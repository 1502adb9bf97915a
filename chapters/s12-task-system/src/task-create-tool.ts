// `task_create`: add a task to the durable graph; the result gives its id and whether it can start now.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import type { Task } from "./task.ts";
import { descriptionInput, subjectInput, taskIdsInput } from "./task-input.ts";
import { renderTaskLine } from "./task-render.ts";
import type { TaskStore } from "./task-store.ts";

export const taskCreateInput = z.object({
  subject: subjectInput,
  description: descriptionInput.optional(),
  blockedBy: taskIdsInput("Ids that must be completed first.").optional(),
  blocks: taskIdsInput("Ids that wait for this one.").optional(),
});

/** What the UI, logs and tests read about a creation. */
export interface TaskCreateDetails {
  task: Task;
}

export function createTaskCreateTool(store: TaskStore) {
  return defineTool({
    name: "task_create",
    // Writes only the task graph: s07 lets it run without a question (a deny rule still wins).
    ownStateOnly: true,
    description:
      `Add a task to the project's durable task graph (${store.displayPath(store.folder)}; shared with other ` +
      "sessions and agents; ids are never reused). blockedBy / blocks link it to existing ids (recorded on both " +
      "tasks; a cycle is refused). Returns its id; task_update it to in_progress when you start it.",
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
