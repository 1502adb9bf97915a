// Exercise s03/02: an afterTurn hook that does not let the model end its turn while its plan has open
// items. Right now it keeps the loop's default (the run ends when the model stops); see README.md.
import { type AgentHooks, wrapSystemReminder } from "@lcc/s02";
import { renderPlan, type TodoPlan } from "@lcc/s03";

declare module "@lcc/s02" {
  interface ContinueReasons {
    /** The model stopped while its plan still had open items. */
    open_plan_items: true;
  }
}

/** What the model reads when it stopped too early: why, and the plan as it stands. */
export function buildFinishReminder(plan: TodoPlan): string {
  return wrapSystemReminder(
    [
      "You ended your turn, but your plan still has open items. Finish them, or update the plan with",
      "todo_write (mark what is done completed, drop what no longer applies). Do not mention this reminder.",
      "",
      renderPlan(plan.items()),
    ].join("\n"),
  );
}

/** The hook: one nudge when the model stops with open items in `plan`. */
export function createFinishThePlanHook(_plan: TodoPlan): AgentHooks {
  return {
    afterTurn(_round, _context) {
      return undefined;
    },
  };
}
