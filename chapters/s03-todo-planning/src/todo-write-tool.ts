// `todo_write`: the model rewrites the whole session plan; the rendered plan goes back to it and to the user.
import { defineTool, type EmitEvent, ToolError } from "@lcc/s02";
import { z } from "zod";
import "./todo-events.ts";
import { MAX_TODO_ITEMS, planProblem, renderPlan, TODO_STATUSES, type TodoPlan } from "./todo-plan.ts";

export const todoItemInput = z.object({
  content: z.string().trim().min(1).describe('The step, imperative: "Run the tests".'),
  status: z.enum(TODO_STATUSES).describe("pending, in_progress (at most one item) or completed."),
  activeForm: z.string().trim().min(1).describe('The step in the present continuous: "Running the tests".'),
});

export const todoWriteInput = z.object({
  items: z
    .array(todoItemInput)
    .max(
      MAX_TODO_ITEMS,
      `A plan holds at most ${MAX_TODO_ITEMS} items; merge small steps or drop completed ones, then send the whole list again.`,
    )
    .describe("The complete plan, in order. It replaces the previous plan entirely."),
});

export interface TodoWriteOptions {
  plan: TodoPlan;
  /** Receives a `todo_update` event after every successful write, so the user sees the plan. */
  emit: EmitEvent;
}

export function createTodoWriteTool({ plan, emit }: TodoWriteOptions) {
  return defineTool({
    name: "todo_write",
    description:
      "Create or update your plan for the current task. Send the WHOLE list every time; it replaces the previous " +
      `one. Use it for work with 3 or more steps. At most ${MAX_TODO_ITEMS} items; exactly one item in_progress ` +
      "while you work on it; mark an item completed as soon as it is done, then start the next. " +
      "Returns the plan rendered as [ ] pending, [>] in progress, [x] completed, with a count.",
    input: todoWriteInput,
    parentOnly: true,
    summarizeInput: describeItems,
    async run({ items }) {
      const problem = planProblem(items);
      if (problem) throw new ToolError(problem);
      plan.replace(items);
      const rendered = renderPlan(plan.items());
      emit({ type: "todo_update", items: [...plan.items()], rendered });
      return { content: rendered, details: { items: plan.items() } };
    },
  });
}

/** "3 items" for a todo_write input, instead of its JSON. */
export function describeItems(input: unknown): string {
  const items =
    typeof input === "object" && input !== null ? (input as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) return "";
  return `${items.length} item${items.length === 1 ? "" : "s"}`;
}
