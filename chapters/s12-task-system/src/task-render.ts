// How tasks read as text, for the model (task_list, task_get, results) and the user (/tasks): one line
// per task with s03's marks ([ ] pending, [>] in progress, [x] completed), blocked ones marked. Pure.
import type { Task } from "./task.ts";
import { openBlockers } from "./task-graph.ts";

const MARKS: Record<Task["status"], string> = {
  pending: "[ ]",
  in_progress: "[>]",
  completed: "[x]",
  deleted: "[-]",
};

/** "#2 [>] Write the API handlers (owner: alice) · blocked by #1". */
export function renderTaskLine(task: Task, tasks: readonly Task[]): string {
  const owner = task.owner ? ` (owner: ${task.owner})` : "";
  const blockers = task.status === "completed" ? [] : openBlockers(task, tasks);
  const blocked = blockers.length > 0 ? ` · blocked by ${blockers.map((id) => `#${id}`).join(", ")}` : "";
  return `#${task.id} ${MARKS[task.status]} ${task.subject}${owner}${blocked}`;
}

/** "4 tasks: 1 completed, 1 in progress, 2 pending (1 blocked)". */
export function summarizeTasks(tasks: readonly Task[]): string {
  const count = (status: Task["status"]) => tasks.filter((task) => task.status === status).length;
  const blocked = tasks.filter(
    (task) => task.status !== "completed" && openBlockers(task, tasks).length > 0,
  ).length;
  const parts = [
    `${count("completed")} completed`,
    `${count("in_progress")} in progress`,
    `${count("pending")} pending${blocked > 0 ? ` (${blocked} blocked)` : ""}`,
  ];
  return `${tasks.length} task${tasks.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

/** The whole graph: a summary line, one line per task in id order, then the unreadable files. */
export function renderTaskList(tasks: readonly Task[], problems: readonly string[]): string {
  const lines =
    tasks.length === 0
      ? ["No tasks yet."]
      : [summarizeTasks(tasks), ...tasks.map((task) => renderTaskLine(task, tasks))];
  return [...lines, ...problems.map((problem) => `⚠ ${problem}`)].join("\n");
}

/** Every field of one task, its blockers and dependents with their status. */
export function renderTaskDetails(task: Task, tasks: readonly Task[]): string {
  const describe = (id: number) => {
    const other = tasks.find((entry) => entry.id === id);
    return other ? `#${id} ${MARKS[other.status]} ${other.subject}` : `#${id} (unreadable file)`;
  };
  const open = openBlockers(task, tasks);
  return [
    renderTaskLine(task, tasks),
    `status: ${task.status}`,
    `owner: ${task.owner ?? "none"}`,
    `blocked by: ${task.blockedBy.length === 0 ? "nothing" : task.blockedBy.map(describe).join("; ")}`,
    `blocks: ${task.blocks.length === 0 ? "nothing" : task.blocks.map(describe).join("; ")}`,
    ...(task.status !== "completed" && open.length === 0 ? ["ready: no open blockers"] : []),
    `created ${task.createdAt}, updated ${task.updatedAt}`,
    "description:",
    task.description === "" ? "(none)" : task.description,
  ].join("\n");
}
