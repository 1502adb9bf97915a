// SOLUTION (s12 01): a task cannot start while a blocker is open. A TaskGuard runs inside the store's lock,
// on the graph as it is now, so no other process completes or reopens a blocker between check and write.
import { ToolError } from "@lcc/s02";
import { openBlockers, readyTasks, type TaskChanges, type TaskGuard } from "@lcc/s12";

/**
 * The guard for `changes` to one task (TaskStore.update's third argument). Moving a task to in_progress
 * while any blocker is not completed throws a ToolError naming the open blockers and the tasks that are
 * ready now (nothing is written; the model reads the message). Every other change passes.
 */
export function startGuard(changes: TaskChanges): TaskGuard {
  return (current, tasks) => {
    if (changes.status !== "in_progress") return;
    const open = openBlockers(current, tasks);
    if (open.length === 0) return;
    const blockers = open.map((id) => {
      const blocker = tasks.find((task) => task.id === id);
      return blocker ? `#${id} (${blocker.subject}, ${blocker.status})` : `#${id}`;
    });
    const ready = readyTasks(tasks).map((task) => `#${task.id} ${task.subject}`);
    throw new ToolError(
      `Task #${current.id} cannot start: it waits for ${blockers.join(", ")}. Nothing was changed. ` +
        (ready.length > 0
          ? `Ready now: ${ready.join("; ")}.`
          : "No task is ready: finish one in progress first."),
    );
  };
}
