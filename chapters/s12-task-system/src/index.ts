// Public surface of s12: the chapter, the task store (lcc's /tasks and s17 reuse it), its pieces.
export {
  createS12Chapter,
  createTaskSetup,
  type TaskSetup,
  type TaskSetupOptions,
  tasksSection,
} from "./agent.ts";
export {
  idOfTaskFile,
  parseTaskFile,
  renderTaskFile,
  storedTask,
  TASK_DESCRIPTION_MAX_CHARS,
  TASK_LINKS_MAX,
  TASK_STATUSES,
  TASK_SUBJECT_MAX_CHARS,
  type Task,
  type TaskStatus,
  taskFileName,
} from "./task.ts";
export type { TaskCreateDetails } from "./task-create-tool.ts";
export { HIGH_WATER_FILE, TaskFileError, type UnreadableTask } from "./task-folder.ts";
export { cycleThrough, describeCycle, normalizeGraph, openBlockers, readyTasks } from "./task-graph.ts";
export { renderTaskDetails, renderTaskLine, renderTaskList, summarizeTasks } from "./task-render.ts";
export {
  createTaskStore,
  type NewTask,
  type TaskChanges,
  type TaskGuard,
  type TaskList,
  type TaskStore,
  type TaskStoreOptions,
  type UpdateOutcome,
} from "./task-store.ts";
export { describeUpdate, type TaskUpdateDetails } from "./task-update-tool.ts";
export { createTasksCommand } from "./tasks-command.ts";
