// Exercise s03/01: a copy of s03's reminder (chapters/s03-todo-planning/src/plan-reminder.ts). Make it
// also remind a model that works for N rounds without any plan (buildNoPlanReminder is written for you).
import type { MessageParam, UserContentBlock } from "@lcc/s01";
import type { AgentHooks } from "@lcc/s02";
import { openItems, renderPlan, type TodoPlan } from "@lcc/s03";

/** Model rounds without a todo_write, with open items, before the model is reminded. */
export const REMINDER_AFTER_ROUNDS = 3;

/** The reminder text: why, and the plan as it stands. */
export function buildPlanReminder(plan: TodoPlan, rounds: number): string {
  return [
    "<system-reminder>",
    `Your plan has open items and you have not updated it with todo_write for ${rounds} rounds.`,
    "If you finished a step, mark it completed and set the next one in_progress; if the plan no longer fits",
    "the work, rewrite it. Do not mention this reminder to the user.",
    "",
    renderPlan(plan.items()),
    "</system-reminder>",
  ].join("\n");
}

/** The reminder for a model that has worked for `rounds` rounds without writing any plan. */
export function buildNoPlanReminder(rounds: number): string {
  return [
    "<system-reminder>",
    `You have worked for ${rounds} rounds without a plan. If this task has 3 or more steps, write one now with`,
    "todo_write and keep it current; if it is a small task, carry on. Do not mention this reminder to the user.",
    "</system-reminder>",
  ].join("\n");
}

/**
 * Appends a text block to the last message, which must be a user message (it always is right
 * before a model call: the prompt, or the tool results). Returns a new array; older messages and
 * the original last message object are left untouched, so tool results stay first and no separate
 * user message is ever created.
 */
export function appendToLastUserMessage(messages: MessageParam[], text: string): MessageParam[] {
  const last = messages.at(-1);
  if (last?.role !== "user") return messages;
  const blocks: UserContentBlock[] =
    typeof last.content === "string" ? [{ type: "text", text: last.content }] : last.content;
  return [...messages.slice(0, -1), { role: "user", content: [...blocks, { type: "text", text }] }];
}

/**
 * Counts model rounds since the plan last changed: every model call after the session's first one
 * closes a round (an interrupted one too), and the round updated the plan if the plan's revision moved.
 * After `afterRounds` rounds without an update while items are open, the reminder is appended once
 * and the count restarts.
 */
export function createPlanReminder(plan: TodoPlan, afterRounds = REMINDER_AFTER_ROUNDS): AgentHooks {
  let modelCalls = 0;
  let seenRevision = plan.revision();
  let roundsWithoutUpdate = 0;
  return {
    transformContext(messages, context) {
      if (modelCalls > 0)
        roundsWithoutUpdate = plan.revision() === seenRevision ? roundsWithoutUpdate + 1 : 0;
      modelCalls += 1;
      seenRevision = plan.revision();
      const open = openItems(plan.items()).length;
      if (roundsWithoutUpdate < afterRounds || open === 0) return messages;
      const reminded = appendToLastUserMessage(messages, buildPlanReminder(plan, roundsWithoutUpdate));
      // No user message to ride on: keep counting, the reminder goes with the next one.
      if (reminded === messages) return messages;
      context.emit({
        type: "notice",
        source: "todo",
        text: `plan reminder sent to the model: ${open} open item${open === 1 ? "" : "s"}, no todo_write for ${roundsWithoutUpdate} rounds`,
      });
      roundsWithoutUpdate = 0;
      return reminded;
    },
  };
}
