// The s12 chapter (task system) on s11's setup: a durable task graph in `<lcc home>/tasks`, the four
// task tools, the `tasks` system section, /tasks, and a notice for unreadable task files at start.
import { join } from "node:path";
import { extendSetup, type SetupContext } from "@lcc/s02";
import { ensureLccHome, lccHome } from "@lcc/s04";
import { createHookedChapter, type S08Chapter } from "@lcc/s08";
import { createRecoverySetup, type RecoverySetup, type RecoverySetupOptions } from "@lcc/s11";
import { createTaskCreateTool } from "./task-create-tool.ts";
import { createTaskGetTool, createTaskListTool } from "./task-list-tool.ts";
import { createTaskStore, type TaskStore } from "./task-store.ts";
import { createTaskUpdateTool } from "./task-update-tool.ts";
import { createTasksCommand } from "./tasks-command.ts";

export interface TaskSetupOptions extends RecoverySetupOptions {
  /** How long a task change waits for another process holding the lock (default 10 s). */
  taskLockWaitMs?: number;
}

/** s11's setup plus the task store (lcc's /tasks and s17's teammates reuse it). */
export interface TaskSetup extends RecoverySetup {
  tasks: TaskStore;
}

/** The `tasks` system section: when the durable graph is the right tool and when s03's todo list is. */
export const tasksSection = [
  "Tasks (task_*) are this project's durable work graph, shared with other sessions and agents; todo_write is",
  "only this session's checklist. For work that outlives this conversation: task_list first, blockedBy for",
  "what must finish first, in_progress when you start, completed when done.",
].join("\n");

/**
 * s11's setup plus: the task store over `<lcc home>/tasks` (created on the first change, 0700, next to the
 * git-excluded state folder), task_create / task_update / task_list / task_get (subagents get them too:
 * the store is safe across processes; the two that write run without a question, deny rules still
 * apply), the `tasks` section, /tasks, and a warning notice per unreadable
 * task file found at start (each left as it is).
 */
export async function createTaskSetup(
  context: SetupContext,
  options: TaskSetupOptions = {},
): Promise<TaskSetup> {
  const base = await createRecoverySetup(context, options);
  const env = context.env ?? {};
  const tasks = createTaskStore({
    folder: join(lccHome(context.workspace, env), "tasks"),
    root: context.workspace,
    prepare: async () => {
      await ensureLccHome(context.workspace, env);
    },
    ...(options.taskLockWaitMs !== undefined ? { lockWaitMs: options.taskLockWaitMs } : {}),
  });
  const { tasks: found, problems } = await tasks.list();
  for (const problem of problems)
    context.emit({ type: "notice", source: "tasks", level: "warn", text: problem });
  const open = found.filter((task) => task.status !== "completed").length;
  if (open > 0)
    context.emit({
      type: "notice",
      source: "tasks",
      text: `tasks: ${open} open in ${tasks.displayPath(tasks.folder)} (/tasks lists them)`,
    });
  const setup = extendSetup(base, {
    systemSections: [{ name: "tasks", text: tasksSection }],
    tools: [
      createTaskCreateTool(tasks),
      createTaskUpdateTool(tasks),
      createTaskListTool(tasks),
      createTaskGetTool(tasks),
    ],
    commands: [createTasksCommand(tasks)],
  });
  return { ...setup, tasks };
}

export function createS12Chapter(options: TaskSetupOptions = {}): S08Chapter {
  return createHookedChapter({ id: "s12", title: "task system" }, (context) =>
    createTaskSetup(context, options),
  );
}
