// How s11's events look: one line per wait before a retry ("overloaded, retry 2/6 in 4 s"), one per
// continuation s11 decided. The same lines in the chapter printer and in lcc.
import type { AgentEvent, EventRenderer } from "@lcc/s02";
import { failureLabel, formatWait } from "./describe-failure.ts";
import type { RetryEvent } from "./recovery-events.ts";

/**
 * "overloaded, retry 2/6 in 4 s (Ctrl-C cancels)", "prompt too long: compacting the conversation, then
 * retrying once". `cancelHint: false` leaves out "(Ctrl-C cancels)" (headless runs). Pure.
 */
export function describeRetry(event: RetryEvent, options: { cancelHint?: boolean } = {}): string {
  if (event.reason === "prompt_too_long")
    return "prompt too long: compacting the conversation, then retrying once";
  const label = failureLabel(event.reason, event.status);
  const model = event.model ? ` with ${event.model}` : "";
  const hint = options.cancelHint === false ? "" : " (Ctrl-C cancels)";
  return `${label}, retry ${event.attempt}/${event.attempts}${model} in ${formatWait(event.delayMs)}${hint}`;
}

/** The one-line text of a continuation s11 decided, or undefined for other reasons. Pure. */
export function describeContinuation(event: AgentEvent): string | undefined {
  if (event.type !== "loop_continue") return undefined;
  if (event.reason === "max_tokens")
    return "reply cut off at the output token limit: asking the model to continue";
  if (event.reason === "doom_loop")
    return "the same tool call 3 times in a row: reminding the model to change course";
  return undefined;
}

/** The chapter renderer: `⟳ overloaded, retry 1/6 in 1 s (Ctrl-C cancels)`, `↻ reply cut off …`. */
export const renderRecoveryEvents: EventRenderer = (event) => {
  if (event.type === "model_retry") return [`⟳ ${describeRetry(event)}`];
  const continuation = describeContinuation(event);
  return continuation === undefined ? undefined : [`↻ ${continuation}`];
};
