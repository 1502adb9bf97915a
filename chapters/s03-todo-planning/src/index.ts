// Public surface of s03: the session plan, todo_write, the stale-plan reminder and the chapter.
import "./todo-events.ts";

export { createTodoSetup, planningSection, s03Chapter, type TodoSetup } from "./agent.ts";
export {
  appendToLastUserMessage,
  buildPlanReminder,
  createPlanReminder,
  REMINDER_AFTER_ROUNDS,
} from "./plan-reminder.ts";
export {
  createTodoPlan,
  MAX_TODO_ITEMS,
  openItems,
  planProblem,
  renderPlan,
  TODO_STATUSES,
  type TodoItem,
  type TodoPlan,
  type TodoStatus,
} from "./todo-plan.ts";
export { renderTodoEvents } from "./todo-renderer.ts";
export {
  createTodoWriteTool,
  describeItems,
  type TodoWriteOptions,
  todoItemInput,
  todoWriteInput,
} from "./todo-write-tool.ts";
