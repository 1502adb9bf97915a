// HTML for agent events in the trace page: permission and hook decisions and notices as `.decision` lines,
// other events (agent_end, loop_continue, unknown types) as `.event` lines with their fields.
import type { TraceEventRecord } from "../../chapter-kit/src/trace/trace-format.ts";
import { escapeHtml } from "./html-escape.ts";

/** A `tool_decision` or `notice` as a `.decision` line; any other event as an `.event` line. */
export function eventHtml(record: TraceEventRecord): string {
  const { type, ...fields } = record.event;
  if (type === "tool_decision") return decisionHtml(fields);
  if (type === "notice") {
    const level = escapeHtml(String(fields.level ?? "info"));
    const source = escapeHtml(String(fields.source ?? "?"));
    return `<div class="decision notice" data-level="${level}"><span class="label">notice</span> [${source}] ${escapeHtml(String(fields.text ?? ""))}</div>`;
  }
  const rest = Object.entries(fields)
    .filter(([key]) => key !== "parentToolUseId")
    .map(([key, value]) => `${key} ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
  return `<div class="event" data-type="${escapeHtml(type)}"><span class="label">${escapeHtml(type)}</span> ${escapeHtml(rest)}</div>`;
}

/** A permission or hook decision: phase, verdict, the tool, why and who decided. */
function decisionHtml(fields: Record<string, unknown>): string {
  const decision = escapeHtml(String(fields.decision ?? "?"));
  const phase = escapeHtml(String(fields.phase ?? "?"));
  const parts = [
    `<span class="label">${phase}</span> <span class="verdict">${decision}</span>`,
    `${escapeHtml(String(fields.name ?? "?"))} <span class="dim">${escapeHtml(String(fields.id ?? ""))}</span>`,
  ];
  if (fields.reason !== undefined) parts.push(escapeHtml(String(fields.reason)));
  if (fields.source !== undefined)
    parts.push(`<span class="dim">by ${escapeHtml(String(fields.source))}</span>`);
  return `<div class="decision" data-phase="${phase}" data-decision="${decision}">${parts.join(" · ")}</div>`;
}
