// Solution s03/02: an afterTurn hook that does not let the model end its turn while its plan has open
// items. It continues the loop once per plan revision, so a model that ignores it can still stop.
import { type AgentHooks, wrapSystemReminder } from "@lcc/s02";
import { openItems, renderPlan, type TodoPlan } from "@lcc/s03";

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
export function createFinishThePlanHook(plan: TodoPlan): AgentHooks {
  // The plan revision of the last nudge: the same plan is never nudged twice.
  let nudgedRevision: number | undefined;
  return {
    afterTurn(round, context) {
      const stopped = round.stopReason === "end_turn" && round.toolCalls.length === 0;
      const open = openItems(plan.items()).length;
      if (!stopped || open === 0 || nudgedRevision === plan.revision()) return undefined;
      nudgedRevision = plan.revision();
      context.emit({ type: "notice", source: "todo", text: `the model stopped with ${open} open items` });
      return { kind: "continue", reason: "open_plan_items", content: buildFinishReminder(plan) };
    },
  };
}
