// The session plan: a short ordered list of items, replaced whole on every update, kept in memory.
// Pure helpers (render, check, open items) plus a tiny store that counts revisions.

export const TODO_STATUSES = ["pending", "in_progress", "completed"] as const;
export type TodoStatus = (typeof TODO_STATUSES)[number];

/** Most items a plan may hold: a plan longer than this is a backlog, not a plan. */
export const MAX_TODO_ITEMS = 20;

export interface TodoItem {
  /** What to do, imperative ("Run the tests"). */
  content: string;
  status: TodoStatus;
  /** The same step in the present continuous ("Running the tests"), for a spinner while in progress. */
  activeForm: string;
}

const MARKERS: Record<TodoStatus, string> = { pending: "[ ]", in_progress: "[>]", completed: "[x]" };

/** The plan as the model and the user read it: a count line, then one `[ ] [>] [x]` line per item. */
export function renderPlan(items: readonly TodoItem[]): string {
  if (items.length === 0) return "Plan: empty (no open items).";
  const done = items.filter((item) => item.status === "completed").length;
  const lines = items.map((item) => `${MARKERS[item.status]} ${item.content}`);
  return [`Plan: ${done}/${items.length} completed`, ...lines].join("\n");
}

/** Items not yet completed. */
export function openItems(items: readonly TodoItem[]): TodoItem[] {
  return items.filter((item) => item.status !== "completed");
}

/**
 * The rules the schema cannot express, as a message the model can act on, or undefined when the
 * plan is fine. Rule: at most one item is in_progress (the one being worked on right now).
 */
export function planProblem(items: readonly TodoItem[]): string | undefined {
  const active = items.filter((item) => item.status === "in_progress");
  if (active.length <= 1) return undefined;
  const names = active.map((item) => `"${item.content}"`).join(", ");
  return (
    `${active.length} items are in_progress (${names}), but at most one may be. Keep only the item you are ` +
    "working on now in_progress, set the others to pending or completed, and call todo_write again with the whole list."
  );
}

/** The session's plan. `revision` grows on every successful replace, so hooks can tell it changed. */
export interface TodoPlan {
  items(): readonly TodoItem[];
  revision(): number;
  /** Replaces the whole plan (the caller has validated it). */
  replace(items: readonly TodoItem[]): void;
}

export function createTodoPlan(): TodoPlan {
  let current: readonly TodoItem[] = [];
  let revision = 0;
  return {
    items: () => current,
    revision: () => revision,
    replace(items) {
      current = items.map((item) => ({ ...item }));
      revision += 1;
    },
  };
}
