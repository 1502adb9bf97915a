// s12 02: `task_next`, which ready task to start: among the pending, unowned tasks with no open blocker,
// the one that unblocks the most work (every open task waiting on it, directly or through others).
import { defineTool } from "@lcc/s02";
import { readyTasks, type Task, type TaskStore } from "@lcc/s12";
import { z } from "zod";

/** The ids of the open tasks that wait on `task`, directly or through other tasks. Pure. */
export function waitingOn(task: Task, _tasks: readonly Task[]): number[] {
  // TODO: follow `blocks` through the graph (each id once), keep the tasks that are not completed.
  return task.blocks;
}

/** The ready, unowned task that unblocks the most (the lowest id on a tie), or undefined. Pure. */
export function pickNextTask(tasks: readonly Task[]): Task | undefined {
  // TODO: skip tasks with an owner; pick by how many wait on each (waitingOn).
  return readyTasks(tasks)[0];
}

export function createTaskNextTool(store: TaskStore) {
  return defineTool({
    name: "task_next",
    readOnly: true,
    description:
      "Which task to start next: the ready task (pending, no owner, no open blocker) that unblocks the most " +
      "work. When none is ready, says what the open tasks wait for.",
    input: z.object({}),
    async run() {
      const { tasks } = await store.list();
      const next = pickNextTask(tasks);
      // TODO: say how many it unblocks and how to start it; when none is ready, name the tasks in progress
      // (or say every task is completed).
      return next ? `Next: #${next.id} ${next.subject}.` : "Nothing is ready to start.";
    },
  });
}
