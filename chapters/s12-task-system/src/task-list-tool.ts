// `task_list` and `task_get`: read the durable task graph (no lock: every file is replaced atomically).
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import { taskIdInput } from "./task-input.ts";
import { renderTaskDetails, renderTaskList } from "./task-render.ts";
import type { TaskStore } from "./task-store.ts";

export function createTaskListTool(store: TaskStore) {
  return defineTool({
    name: "task_list",
    description:
      "List every task of this project's durable task graph in id order: #id, [ ] pending / [>] in progress / " +
      "[x] completed, subject, owner, and for blocked tasks the ids of their open blockers. Unreadable task " +
      "files are named at the end (they are skipped, never changed). task_get shows one task in full.",
    input: z.object({}),
    readOnly: true,
    concurrencySafe: true,
    summarizeInput: () => "",
    async run() {
      const { tasks, problems } = await store.list();
      return { content: renderTaskList(tasks, problems), details: { tasks, problems } };
    },
  });
}

export function createTaskGetTool(store: TaskStore) {
  return defineTool({
    name: "task_get",
    description:
      "Show one task in full: status, owner, description, what blocks it and what it blocks (with their status).",
    input: z.object({ id: taskIdInput }),
    readOnly: true,
    concurrencySafe: true,
    summarizeInput: (input) => `#${(input as { id?: number }).id ?? "?"}`,
    async run({ id }) {
      const { tasks, unreadable } = await store.list();
      const broken = unreadable.find((file) => file.id === id);
      if (broken)
        throw new ToolError(
          `${store.displayPath(broken.path)} is not a valid task file (${broken.problem}); it is left as it is.`,
        );
      const task = tasks.find((entry) => entry.id === id);
      if (!task) throw new ToolError(`There is no task #${id}. task_list shows the tasks that exist.`);
      return { content: renderTaskDetails(task, tasks), details: { task } };
    },
  });
}
