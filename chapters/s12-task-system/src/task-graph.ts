// The dependency graph over tasks, pure: both directions read as one edge set (so a write cut short
// between two files still shows the edge), open blockers, the cycle a new edge would close, what is ready.
import type { Task } from "./task.ts";

/** "blocker blocks blocked" as a pair of ids. */
export interface TaskEdge {
  blocker: number;
  blocked: number;
}

/**
 * The tasks with `blockedBy` and `blocks` made mirror images: an edge named on either side is on both,
 * and ids that name no task (deleted ones) are dropped. `unreadable` ids (corrupt files) are kept as
 * edge ends. Sorted by id; the input is not changed.
 */
export function normalizeGraph(tasks: readonly Task[], unreadable: ReadonlySet<number> = new Set()): Task[] {
  const known = (id: number) => unreadable.has(id) || tasks.some((task) => task.id === id);
  const edges = new Map<string, TaskEdge>();
  const add = (blocker: number, blocked: number) => {
    if (blocker !== blocked && known(blocker) && known(blocked))
      edges.set(`${blocker}>${blocked}`, { blocker, blocked });
  };
  for (const task of tasks) {
    for (const blocker of task.blockedBy) add(blocker, task.id);
    for (const blocked of task.blocks) add(task.id, blocked);
  }
  const all = [...edges.values()];
  return [...tasks]
    .sort((left, right) => left.id - right.id)
    .map((task) => ({
      ...task,
      blockedBy: sortedIds(all.filter((edge) => edge.blocked === task.id).map((edge) => edge.blocker)),
      blocks: sortedIds(all.filter((edge) => edge.blocker === task.id).map((edge) => edge.blocked)),
    }));
}

/** The blockers of `task` that are not completed; an unreadable blocker counts as open. */
export function openBlockers(task: Task, tasks: readonly Task[]): number[] {
  return task.blockedBy.filter((id) => tasks.find((other) => other.id === id)?.status !== "completed");
}

/** Pending tasks with no open blocker: what can be started now. */
export function readyTasks(tasks: readonly Task[]): Task[] {
  return tasks.filter((task) => task.status === "pending" && openBlockers(task, tasks).length === 0);
}

/**
 * The cycle adding `edge` to `tasks` would close, as ids from the blocker round to itself
 * ([3, 4, 3]: 3 blocks 4 blocks 3; [2, 2] for a task blocking itself), or undefined when none.
 */
export function cycleThrough(edge: TaskEdge, tasks: readonly Task[]): number[] | undefined {
  if (edge.blocker === edge.blocked) return [edge.blocker, edge.blocker];
  // A path blocked → … → blocker along existing `blocks` edges closes the cycle.
  const previous = new Map<number, number>([[edge.blocked, edge.blocked]]);
  const queue = [edge.blocked];
  while (queue.length > 0) {
    const current = queue.shift() as number;
    if (current === edge.blocker) {
      const path = [current];
      for (let step = current; step !== edge.blocked; ) {
        step = previous.get(step) as number;
        path.unshift(step);
      }
      return [edge.blocker, ...path];
    }
    for (const next of tasks.find((task) => task.id === current)?.blocks ?? [])
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
  }
  return undefined;
}

/** "#3 blocks #4 blocks #3". */
export function describeCycle(cycle: readonly number[]): string {
  return cycle.map((id) => `#${id}`).join(" blocks ");
}

/** `tasks` with `edge` added on both sides (the blocker's blocks, the blocked's blockedBy). */
export function withEdge(tasks: readonly Task[], edge: TaskEdge): Task[] {
  return tasks.map((task) => {
    if (task.id === edge.blocker) return { ...task, blocks: sortedIds([...task.blocks, edge.blocked]) };
    if (task.id === edge.blocked) return { ...task, blockedBy: sortedIds([...task.blockedBy, edge.blocker]) };
    return task;
  });
}

function sortedIds(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((left, right) => left - right);
}
