// The s03 chapter: the s02 agent plus a session plan (todo_write) and a reminder when the plan goes stale.
import type { Chapter } from "@lcc/chapter-kit";
import {
  type AgentSetup,
  createSessionAgent,
  createToolUseSetup,
  extendSetup,
  type SetupContext,
} from "@lcc/s02";
import { createPlanReminder, REMINDER_AFTER_ROUNDS } from "./plan-reminder.ts";
import { createTodoPlan, type TodoPlan } from "./todo-plan.ts";
import { renderTodoEvents } from "./todo-renderer.ts";
import { createTodoWriteTool } from "./todo-write-tool.ts";

export const planningSection = [
  "Planning: for any task with 3 or more steps, first write a short plan with todo_write, then keep it",
  "current: exactly one item in_progress while you work on it, completed as soon as it is done. The plan",
  `lives only in this session. If you leave it untouched for ${REMINDER_AFTER_ROUNDS} rounds while items are open you will get a reminder.`,
].join("\n");

/** s02's setup plus the session plan, exposed so later chapters can show it again (after a compaction). */
export interface TodoSetup extends AgentSetup {
  plan: TodoPlan;
}

/** s03's setup: s02's tools plus todo_write and the stale-plan reminder, sharing one in-memory plan. */
export function createTodoSetup(
  context: Pick<SetupContext, "workspace" | "emit" | "largeOutputs">,
): TodoSetup {
  const plan = createTodoPlan();
  const setup = extendSetup(createToolUseSetup(context), {
    systemSections: [{ name: "planning", text: planningSection }],
    tools: [createTodoWriteTool({ plan, emit: context.emit })],
    hooks: [createPlanReminder(plan)],
    renderers: [renderTodoEvents],
  });
  return { ...setup, plan };
}

export const s03Chapter: Chapter = {
  id: "s03",
  title: "todo planning",
  createAgent: (context) => createSessionAgent(createTodoSetup, context),
};
