// HTML for one turn of the trace page: what the request adds to its conversation (the history kept as the
// cached prefix, the new messages, a changed system prompt or tool list), then the reply with its tool calls,
// stop reason and token bars.
import { fieldOf, messagesOf } from "../../chapter-kit/src/trace/request-growth.ts";
import type { TraceUsage } from "../../chapter-kit/src/trace/trace-format.ts";
import { asRecord, systemText } from "../trace-blocks.ts";
import { formatCount, formatDuration } from "../trace-text.ts";
import { plural } from "../trace-view.ts";
import { escapeHtml } from "./html-escape.ts";
import type { ToolCallModel, TurnModel } from "./page-model.ts";
import { blockHtml, foldableText, jsonValue, messageHtml } from "./render-blocks.ts";
import { type RenderContext, toolId, turnId } from "./render-context.ts";
import { eventHtml } from "./render-events.ts";

/** `<section class="turn" data-seq="N">`: header, request growth, reply. */
export function turnHtml(turn: TurnModel, context: RenderContext): string {
  const model = escapeHtml(String(fieldOf(turn.request, "model") ?? "?"));
  const duration = turn.response ? ` · ${formatDuration(turn.response.durationMs)}` : "";
  const head = `<header class="turn-head"><span class="turn-name">turn ${turn.number}</span> <span class="dim">request #${turn.seq} · at +${formatDuration(turn.offsetMs)} · ${model}${duration}</span></header>`;
  const request = [historyHtml(turn, context), systemAndToolsHtml(turn), ...addedHtml(turn, context)].join(
    "",
  );
  const id = turnId(context, turn.number);
  return `<section class="turn" id="${id}" data-seq="${turn.seq}" tabindex="0">${head}<div class="turn-body"><div class="request">${request}</div>${replyHtml(turn, context)}</div></section>`;
}

/** How many messages the request sends, how many it shares with the turn before (the cached prefix), how many are new. */
function historyHtml(turn: TurnModel, context: RenderContext): string {
  const { kept, rewritten, added } = turn.growth;
  const total = messagesOf(turn.request).length;
  const text =
    turn.previousTurn === undefined
      ? `${plural(total, "message")}${turn.number > 1 ? ": a new conversation" : ""}`
      : `${plural(total, "message")}: ${kept} as sent in <a href="#${turnId(context, turn.previousTurn)}">turn ${turn.previousTurn}</a> (the cached prefix), ${added.length} new${added.length === 0 && rewritten === 0 ? ": the same request again (a retry)" : ""}`;
  const strip = `<span class="strip" aria-hidden="true"><span class="kept" style="flex-grow:${kept}"></span><span class="added" style="flex-grow:${added.length}"></span></span>`;
  const warning =
    rewritten > 0 && turn.previousTurn !== undefined
      ? `<div class="rewritten warn">${plural(rewritten, "message")} of turn ${turn.previousTurn} changed or left out: the cached prefix ends there</div>`
      : "";
  return `<div class="history" data-kept="${kept}" data-added="${added.length}" data-rewritten="${rewritten}">${strip}<span class="history-text">${text}</span></div>${warning}`;
}

/** The system prompt and tool definitions, shown when they are new or changed in this conversation. */
function systemAndToolsHtml(turn: TurnModel): string {
  const changed = turn.previousTurn === undefined ? "" : " changed";
  const parts: string[] = [];
  if (turn.growth.systemChanged) {
    const system = systemText(fieldOf(turn.request, "system"));
    parts.push(
      `<details class="system"><summary>system prompt${changed} (${formatCount(Array.from(system).length)} chars)</summary><pre class="text">${escapeHtml(system)}</pre></details>`,
    );
  }
  if (turn.growth.toolsChanged) {
    const tools = fieldOf(turn.request, "tools");
    const list = Array.isArray(tools) ? tools.map(asRecord) : [];
    const names = list.map((tool) => escapeHtml(String(tool.name ?? "?"))).join(", ");
    const definitions = list.map(
      (tool) =>
        `<div class="tool-def"><b>${escapeHtml(String(tool.name ?? "?"))}</b>${foldableText(String(tool.description ?? ""))}${foldableText(JSON.stringify(tool.input_schema ?? {}, null, 2), "json")}</div>`,
    );
    parts.push(
      `<details class="tools"><summary>tools${changed} (${list.length}): ${names}</summary>${definitions.join("")}</details>`,
    );
  }
  return parts.join("");
}

/** The messages the request adds. */
function addedHtml(turn: TurnModel, context: RenderContext): string[] {
  return turn.added.map(({ message, replyOfTurn }) => messageHtml(message, replyOfTurn, context));
}

/** The reply: status, content with each tool call in place, stop reason and tokens. */
function replyHtml(turn: TurnModel, context: RenderContext): string {
  const response = turn.response;
  if (!response) {
    return `<div class="reply missing"><span class="stop-reason" data-stop="none">no response recorded</span></div>`;
  }
  const message = response.message;
  const status =
    response.error === undefined
      ? `${response.status}`
      : `<span class="error">${response.aborted ? "aborted" : `${response.status || "no response"} · ${escapeHtml(response.error)}`}</span>`;
  const requestId = response.requestId ? ` · ${escapeHtml(response.requestId)}` : "";
  const head = `<div class="reply-head">← assistant · ${status}${requestId}</div>`;
  const content = (message?.content ?? []).map((block) => {
    const call = block.type === "tool_use" ? context.session.toolCalls.get(String(block.id)) : undefined;
    return call ? toolCallHtml(call, context) : blockHtml(block, context);
  });
  const stop = message?.stop_reason ?? (response.error === undefined ? "none" : "error");
  const stopHtml = `<span class="stop-reason" data-stop="${escapeHtml(stop)}">stop ${escapeHtml(stop)}</span>`;
  const tokens = message ? tokensHtml(message.usage, context.largestTokens) : "";
  return `<div class="reply">${head}${content.join("")}<div class="reply-foot">${stopHtml}${tokens}</div></div>`;
}

/** The four token counts as bars on one scale: the prompt (cache read, cache write, input) stacked, output below. */
export function tokensHtml(usage: TraceUsage, largest: number): string {
  const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
  const bar = (kind: string, tokens: number) =>
    `<span class="bar" data-kind="${kind}" data-tokens="${tokens}" style="width:${barWidth(tokens, largest)}" title="${kind.replace("_", " ")} ${formatCount(tokens)}"></span>`;
  const read = count(usage.cache_read_input_tokens);
  const write = count(usage.cache_creation_input_tokens);
  const input = count(usage.input_tokens);
  const output = count(usage.output_tokens);
  const prompt = `<div class="bar-row"><span class="bar-label">prompt</span><span class="track">${bar("cache_read", read)}${bar("cache_write", write)}${bar("input", input)}</span><span class="bar-numbers">cache read ${formatCount(read)} · cache write ${formatCount(write)} · input ${formatCount(input)}</span></div>`;
  const reply = `<div class="bar-row"><span class="bar-label">output</span><span class="track">${bar("output", output)}</span><span class="bar-numbers">output ${formatCount(output)}</span></div>`;
  return `<div class="tokens">${prompt}${reply}</div>`;
}

/** A bar's CSS width: its share of `largest` in percent, two decimals. */
export function barWidth(tokens: number, largest: number): string {
  return `${largest > 0 ? ((tokens / largest) * 100).toFixed(2) : "0.00"}%`;
}

/** A tool call: name, input, the decisions about it, the branch it started, and its output. */
export function toolCallHtml(call: ToolCallModel, context: RenderContext): string {
  const record = call.record;
  const status = record?.interrupted
    ? "interrupted"
    : record?.isError || call.result?.isError
      ? "error"
      : "ok";
  const duration = record ? ` · ${formatDuration(record.durationMs)}` : "";
  const flag = status === "ok" ? "" : ` <span class="error">${status}</span>`;
  const head = `<div class="tool-head"><span class="tool-name">${escapeHtml(call.name)}</span> <span class="dim">${escapeHtml(call.id)}${duration}</span>${flag}</div>`;
  const decisions = call.decisions.map((decision) => eventHtml(decision)).join("");
  const branch = call.branch ? context.renderLine(call.branch) : "";
  const output = record?.output ?? call.result?.text;
  const outputHtml =
    output === undefined
      ? `<div class="tool-output missing dim">no result recorded</div>`
      : `<div class="tool-output"><span class="label">${status === "ok" ? "output" : status}</span>${foldableText(output)}</div>`;
  return `<div class="tool-call" id="${toolId(context, call.id)}" data-status="${status}">${head}<div class="tool-input">${jsonValue(call.input)}</div>${decisions}${branch}${outputHtml}</div>`;
}
