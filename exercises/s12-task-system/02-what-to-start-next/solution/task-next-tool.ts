// SOLUTION (s12 02): `task_next`, which ready task to start: among the pending, unowned tasks with no open
// blocker, the one that unblocks the most work (every open task waiting on it, directly or through others).
import { defineTool } from "@lcc/s02";
import { readyTasks, type Task, type TaskStore } from "@lcc/s12";
import { z } from "zod";

/** The ids of the open tasks that wait on `task`, directly or through other tasks. Pure. */
export function waitingOn(task: Task, tasks: readonly Task[]): number[] {
  const seen = new Set<number>();
  const queue = [...task.blocks];
  while (queue.length > 0) {
    const id = queue.shift() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(tasks.find((other) => other.id === id)?.blocks ?? []));
  }
  return [...seen].filter((id) => tasks.find((other) => other.id === id)?.status !== "completed");
}

/** The ready, unowned task that unblocks the most (the lowest id on a tie), or undefined. Pure. */
export function pickNextTask(tasks: readonly Task[]): Task | undefined {
  let best: Task | undefined;
  for (const task of readyTasks(tasks).filter((candidate) => candidate.owner === null))
    if (!best || waitingOn(task, tasks).length > waitingOn(best, tasks).length) best = task;
  return best;
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
      if (next) {
        const count = waitingOn(next, tasks).length;
        return (
          `Next: #${next.id} ${next.subject} (unblocks ${count} task${count === 1 ? "" : "s"}). ` +
          `Start it with task_update {"id": ${next.id}, "status": "in_progress"}.`
        );
      }
      if (tasks.every((task) => task.status === "completed")) return "Every task is completed.";
      const busy = tasks
        .filter((task) => task.status === "in_progress")
        .map((task) => `#${task.id} ${task.subject}`);
      return `Nothing is ready to start: every open task waits for another or has an owner. In progress: ${busy.join(", ") || "none"}.`;
    },
  });
}
