// s12 01: a task cannot start while a blocker is open. A TaskGuard runs inside the store's lock, on the
// graph as it is now, so no other process completes or reopens a blocker between check and write.
import type { TaskChanges, TaskGuard } from "@lcc/s12";

/**
 * The guard for `changes` to one task (TaskStore.update's third argument). Moving a task to in_progress
 * while any blocker is not completed throws a ToolError naming the open blockers and the tasks that are
 * ready now (nothing is written; the model reads the message). Every other change passes.
 */
export function startGuard(_changes: TaskChanges): TaskGuard {
  // TODO: when `_changes.status` is "in_progress" and `current` has open blockers (openBlockers from
  // @lcc/s12), throw a ToolError (@lcc/s02) that names them and the ready tasks (readyTasks).
  return (_current, _tasks) => undefined;
}
