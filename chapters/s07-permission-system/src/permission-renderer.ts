// How s07's events look in a terminal: a mode change, and which rule allowed a call (a denial shows as the
// call's error result, so it is not said twice).
import type { AgentEvent } from "@lcc/s02";

/** Renders permission_mode and the permission phase's tool_decision events (only "allowed by a rule" shows); leaves the rest to others. */
export function renderPermissionEvents(event: AgentEvent): string[] | undefined {
  if (event.type === "permission_mode") return [`· permission mode: ${event.mode} (was ${event.previous})`];
  if (event.type !== "tool_decision" || event.phase !== "permission") return undefined;
  if (event.decision === "allow" && event.reason?.startsWith("allowed by")) return [`  ✓ ${event.reason}`];
  return [];
}
