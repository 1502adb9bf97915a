// What the fired hooks of one event add up to: a block and its reason, context for the model, a stop.
// Pure: shared by the tool, prompt and stop seams.
import { wrapSystemReminder } from "@lcc/s02";
import type { FiredHook } from "./hook-runner.ts";

export interface HookFeedback {
  /** Reasons to block (exit 2 stderr, `decision: "block"`, `permissionDecision: "deny"`). */
  blocks: string[];
  /** Text for the model: `additionalContext`, and plain stdout where the event takes it (prompt, session start). */
  context: string[];
  /** `continue: false`: the agent stops after this; the hook's stopReason (or a default). */
  stop?: string;
}

/** Sums up `fired`. `plainStdoutIsContext`: UserPromptSubmit and SessionStart add plain stdout to the context. */
export function collectFeedback(fired: readonly FiredHook[], plainStdoutIsContext = false): HookFeedback {
  const feedback: HookFeedback = { blocks: [], context: [] };
  for (const { hook, outcome } of fired) {
    if (outcome.kind === "blocking") feedback.blocks.push(outcome.reason);
    if (outcome.kind !== "success") continue;
    const output = outcome.output;
    if (!output) {
      if (plainStdoutIsContext && outcome.text) feedback.context.push(outcome.text);
      continue;
    }
    if (output.continue === false)
      feedback.stop ??= output.stopReason ?? `a ${hook.event} hook stopped the agent`;
    if (output.decision === "block" || output.permissionDecision === "deny")
      feedback.blocks.push(output.permissionDecisionReason ?? output.reason ?? `blocked by ${hook.command}`);
    if (output.additionalContext) feedback.context.push(output.additionalContext);
  }
  return feedback;
}

/** Text for the model, as Claude Code marks it: a `<system-reminder>` naming the event. */
export function systemReminder(event: string, lines: readonly string[]): string {
  return wrapSystemReminder(`${event} hook additional context: ${lines.join("\n")}`);
}
