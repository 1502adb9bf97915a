// Terminal lines for compaction events, rendered as notices by the previous chapter's printer.
import { formatCount } from "@lcc/s01";
import type { AgentEvent } from "@lcc/s02";
import "./compaction-events.ts";

/** The one-line text of a compaction event, or undefined for events that print nothing. Pure. */
export function describeCompactionEvent(
  event: AgentEvent,
): { text: string; level: "info" | "warn" } | undefined {
  const tokens = (count: number | undefined) =>
    count === undefined ? "" : `, ${formatCount(count)} tokens in context`;
  if (event.type === "compaction_start" && event.kind === "full") {
    return {
      text: `compacting the conversation (${event.trigger}${tokens(event.contextTokens)})…`,
      level: "info",
    };
  }
  if (event.type !== "compaction_end") return undefined;
  if (!event.ok) return { text: `compaction failed: ${event.error}`, level: "warn" };
  if (event.kind === "micro") {
    const freed = formatCount(event.freedChars);
    return {
      text: `cleared ${event.clearedResults} old tool results (${freed} characters)${tokens(event.contextTokens)}`,
      level: "info",
    };
  }
  const chars = formatCount(event.summaryChars);
  return {
    text: `compacted: history replaced by a ${chars}-character summary; transcript at ${event.transcriptPath}`,
    level: "info",
  };
}

/** Wraps `base` so each compaction shows as notice lines; every other event passes through. */
export function createCompactionPrinter(base: (event: AgentEvent) => void): (event: AgentEvent) => void {
  return (event) => {
    if (event.type !== "compaction_start" && event.type !== "compaction_end") return base(event);
    const line = describeCompactionEvent(event);
    if (line) base({ type: "notice", source: "compact", ...line });
  };
}
