// The plan's pure rules: rendering with a count, the one-in-progress rule, replace-whole semantics.
import { describe, expect, it } from "vitest";
import { createTodoPlan, openItems, planProblem, renderPlan, type TodoItem } from "./todo-plan.ts";

const item = (content: string, status: TodoItem["status"]): TodoItem => ({
  content,
  status,
  activeForm: content,
});

describe("s03 todo plan", () => {
  it("renders [ ] [>] [x] markers in order under a completed count", () => {
    const plan = [item("a", "completed"), item("b", "in_progress"), item("c", "pending")];
    expect(renderPlan(plan)).toBe("Plan: 1/3 completed\n[x] a\n[>] b\n[ ] c");
  });

  it("renders an empty plan as one line", () => {
    expect(renderPlan([])).toBe("Plan: empty (no open items).");
  });

  it("allows zero or one item in progress and explains a second one", () => {
    expect(planProblem([item("a", "pending")])).toBeUndefined();
    expect(planProblem([item("a", "in_progress"), item("b", "completed")])).toBeUndefined();
    expect(planProblem([item("a", "in_progress"), item("b", "in_progress")])).toMatch(
      /^2 items are in_progress/,
    );
  });

  it("replaces the whole plan, counts revisions and keeps its own copy", () => {
    const plan = createTodoPlan();
    const items = [item("a", "pending"), item("b", "completed")];
    plan.replace(items);
    items[0]!.status = "completed";
    plan.replace([item("c", "pending")]);
    expect(plan.revision()).toBe(2);
    expect(plan.items()).toEqual([item("c", "pending")]);
    expect(openItems([item("x", "completed"), item("y", "in_progress")])).toEqual([item("y", "in_progress")]);
  });
});
