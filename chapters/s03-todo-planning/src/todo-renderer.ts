// How s03's events look: the whole plan under the todo_write line (the same lines in the chapter
// printer and in lcc).
import type { EventRenderer } from "@lcc/s02";
import "./todo-events.ts";

/** Renders `todo_update` as the plan; hides a successful todo_write's result (the plan says it all). */
export const renderTodoEvents: EventRenderer = (event) => {
  if (event.type === "todo_update") return [`  ⎿ ${event.rendered.replace(/\n/g, "\n    ")}`];
  if (event.type === "tool_end" && event.name === "todo_write" && !event.isError) return [];
  return undefined;
};
