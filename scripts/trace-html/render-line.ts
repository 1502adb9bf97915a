// HTML for a conversation line of the trace page: its turns, compactions (the history shrinking), events and
// decisions in order; a branch (a subagent's or teammate's line) is wrapped with its label and parent tool call.
import { fieldOf, messagesOf } from "../../chapter-kit/src/trace/request-growth.ts";
import { formatCount } from "../trace-text.ts";
import { plural } from "../trace-view.ts";
import { escapeHtml, safeHref } from "./html-escape.ts";
import type { CompactionModel, LineItem, LineModel } from "./page-model.ts";
import { jsonValue } from "./render-blocks.ts";
import { type RenderContext, toolId } from "./render-context.ts";
import { eventHtml } from "./render-events.ts";
import { toolCallHtml, turnHtml } from "./render-turn.ts";

/** The items of a line; a branch is wrapped in `<div class="branch" data-parent="<tool_use id>">`. */
export function lineHtml(line: LineModel, context: RenderContext): string {
  const items = line.items.map((item) => itemHtml(item, context)).join("");
  if (line.parentId === undefined) return items;
  const parent = `<a href="#${toolId(context, line.parentId)}">${escapeHtml(line.parentId)}</a>`;
  const start = line.start ? `<div class="dim">${subagentText(line.start.event)}</div>` : "";
  const end = line.end ? endHtml(line.end.event, context) : "";
  return `<div class="branch" data-parent="${escapeHtml(line.parentId)}"><div class="branch-head"><span class="branch-name">${escapeHtml(line.label)}</span> <span class="dim">a separate conversation, started by ${parent}</span></div>${start}${items}${end}</div>`;
}

function itemHtml(item: LineItem, context: RenderContext): string {
  switch (item.kind) {
    case "turn":
      return turnHtml(item.turn, context);
    case "compaction":
      return compactionHtml(item.compaction, context);
    case "event":
      return eventHtml(item.record);
    case "tool":
      return toolCallHtml(item.call, context);
    case "branch":
      return lineHtml(item.line, context);
    case "count_tokens": {
      const counted = item.response?.body === undefined ? "?" : jsonValue(item.response.body);
      const model = escapeHtml(String(fieldOf(item.request, "model") ?? "?"));
      return `<div class="count-tokens" data-seq="${item.request.seq}"><span class="label">count_tokens</span> request #${item.request.seq} · ${model} · ${plural(messagesOf(item.request).length, "message")} → ${counted}</div>`;
    }
  }
}

/** A compaction: what started it, the requests it made (the summary), then the history before and after. */
function compactionHtml(compaction: CompactionModel, context: RenderContext): string {
  const fields = { ...compaction.end?.event, ...compaction.start?.event, ...compaction.end?.event };
  const what = [fields.kind, fields.trigger].filter((part) => typeof part === "string").join(" · ");
  const tokens =
    typeof fields.contextTokens === "number" ? ` · context ${formatCount(fields.contextTokens)} tokens` : "";
  const head = `<div class="compaction-head"><span class="label">compaction</span> ${escapeHtml(what)}${tokens}</div>`;
  const items = compaction.items.map((item) => itemHtml(item, context)).join("");
  const results: string[] = [];
  if (fields.ok === false)
    results.push(`<span class="error">failed: ${escapeHtml(String(fields.error ?? "?"))}</span>`);
  if (typeof fields.summaryChars === "number")
    results.push(`summary ${formatCount(fields.summaryChars)} chars`);
  if (typeof fields.clearedResults === "number") {
    results.push(
      `${plural(fields.clearedResults, "tool result")} cleared (${formatCount(Number(fields.freedChars ?? 0))} chars)`,
    );
  }
  if (typeof fields.transcriptPath === "string")
    results.push(`history saved to ${transcriptHtml(fields.transcriptPath, context)}`);
  const before = compaction.messagesBefore;
  const after = compaction.messagesAfter;
  const shrink =
    before === undefined
      ? ""
      : `<div class="shrink" data-before="${before}" data-after="${after ?? ""}">history: ${plural(before, "message")} → ${after === undefined ? "(no later request)" : plural(after, "message")}</div>`;
  const result = results.length > 0 ? `<div class="compaction-result">${results.join(" · ")}</div>` : "";
  return `<div class="compaction">${head}${items}${result}${shrink}</div>`;
}

/** A subagent_end: how it ended, its usage, and where its transcript was saved. */
function endHtml(event: Record<string, unknown>, context: RenderContext): string {
  const usage = event.usage === undefined ? "" : ` · ${escapeHtml(JSON.stringify(event.usage))}`;
  const path =
    typeof event.transcriptPath === "string"
      ? ` · transcript ${transcriptHtml(event.transcriptPath, context)}`
      : "";
  return `<div class="event" data-type="subagent_end"><span class="label">subagent_end</span> ${escapeHtml(String(event.reason ?? ""))}${usage}${path}</div>`;
}

function subagentText(event: Record<string, unknown>): string {
  const tools = Array.isArray(event.tools) ? ` · tools ${event.tools.join(", ")}` : "";
  return escapeHtml(`${String(event.agentType ?? "subagent")} · ${String(event.model ?? "")}${tools}`);
}

/** A saved transcript's path, linked when the context gives an href for it. */
function transcriptHtml(path: string, context: RenderContext): string {
  const href = context.transcriptHref(path);
  const safe = href === undefined ? undefined : safeHref(href);
  const code = `<code class="transcript">${escapeHtml(path)}</code>`;
  return safe === undefined ? code : `<a class="transcript-link" href="${escapeHtml(safe)}">${code}</a>`;
}
