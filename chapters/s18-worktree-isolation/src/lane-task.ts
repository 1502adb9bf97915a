// A lane's link to the s12 task graph: binding checks the task can be taken, removing can complete it.
import type { TaskStore } from "@lcc/s12";
import { WorktreeError } from "./worktree-error.ts";

/**
 * Throws WorktreeError (nothing changed) when task `id` does not exist, is completed, or is owned by
 * someone other than `lane`. Binding itself is `tasks.update(id, {status: "in_progress", owner: lane})`.
 */
export async function checkTaskFree(tasks: TaskStore, id: number, lane: string): Promise<void> {
  const task = (await tasks.list()).tasks.find((candidate) => candidate.id === id);
  if (!task)
    throw new WorktreeError(`There is no task #${id}; task_list shows the tasks. No lane was created.`);
  if (task.status === "completed")
    throw new WorktreeError(`Task #${id} is completed already; bind an open task. No lane was created.`);
  if (task.owner && task.owner !== lane)
    throw new WorktreeError(`Task #${id} is owned by ${task.owner}; no lane was created for it.`);
}
