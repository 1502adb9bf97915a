// `/tasks`: the durable task graph for the user — the same listing the model gets from task_list.
import type { SlashCommand } from "@lcc/s02";
import { renderTaskList } from "./task-render.ts";
import type { TaskStore } from "./task-store.ts";

/** The /tasks command over `store`. */
export function createTasksCommand(store: TaskStore): SlashCommand {
  return {
    name: "tasks",
    usage: "/tasks",
    summary: "the task graph (.lcc/tasks): id, status, subject, owner, blocked ones marked",
    async run(_args, { write }) {
      const { tasks, problems } = await store.list();
      write(`Task graph in ${store.displayPath(store.folder)}\n${renderTaskList(tasks, problems)}\n`);
    },
  };
}
