// How s06's events look: one line per compaction (the same line in the chapter printer and in lcc).
import { formatCount } from "@lcc/chapter-kit";
import type { AgentEvent, EventRenderer } from "@lcc/s02";
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

/** Renders compaction_start/compaction_end as a notice-style line ("·" or "⚠"); micro starts print nothing. */
export const renderCompactionEvents: EventRenderer = (event) => {
  if (event.type !== "compaction_start" && event.type !== "compaction_end") return undefined;
  const line = describeCompactionEvent(event);
  return line ? [`${line.level === "warn" ? "⚠" : "·"} ${line.text}`] : [];
};
