// How s08's events look: one line per hook run that did something worth seeing (the same line in the
// chapter printer and in lcc). hook_start and quiet successes print nothing.
import type { AgentEvent, EventRenderer } from "@lcc/s02";
import "./hook-events.ts";

/** The one-line text of a hook event, or undefined when it prints nothing. Pure. */
export function describeHookEvent(event: AgentEvent): { text: string; level: "info" | "warn" } | undefined {
  if (event.type !== "hook_end") return undefined;
  const where = `${event.event}${event.target ? ` (${event.target})` : ""}`;
  const command = event.command.length > 60 ? `${event.command.slice(0, 60)}…` : event.command;
  if (event.result === "error")
    return { text: `hook ${where} failed (not blocking): ${command}: ${event.message}`, level: "warn" };
  if (event.result === "blocked")
    return { text: `hook ${where} blocked: ${event.message ?? command}`, level: "info" };
  if (!event.message) return undefined;
  return { text: `hook ${where}: ${event.message}`, level: "info" };
}

/** The chapter renderer: `⚙ hook PreToolUse (bash) blocked: …`, warnings with ⚠; hook_start and quiet successes hidden. */
export const renderHookEvents: EventRenderer = (event) => {
  if (event.type === "hook_start") return [];
  if (event.type === "hook_end" && event.result === "ok" && !event.message) return [];
  const described = describeHookEvent(event);
  if (!described) return undefined;
  return [`${described.level === "warn" ? "⚠" : "⚙"} ${described.text}`];
};
