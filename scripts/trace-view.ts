// The step-by-step view of a trace: per request the turn, what it adds to the conversation, the reply,
// tokens and cache use; then tool runs and events as they happened; totals at the end. Pure.

import {
  comparable,
  fieldOf,
  measureRequestGrowth,
  messagesOf,
} from "../chapter-kit/src/trace/request-growth.ts";
import type {
  TraceEventRecord,
  TraceRecord,
  TraceRequestRecord,
  TraceResponseRecord,
  TraceStartRecord,
  TraceToolRecord,
} from "../chapter-kit/src/trace/trace-format.ts";
import { asRecord, type BlockRendering, renderBlock, renderMessage, systemText } from "./trace-blocks.ts";
import { createStyle, formatCount, formatDuration, previewText, previewValue } from "./trace-text.ts";

/** Options of {@link renderTrace}. */
export interface TraceViewOptions {
  /** ANSI colors (see shouldUseColor). */
  color: boolean;
  /** Characters per preview before it is cut; `Infinity` for everything. */
  maxChars: number;
}

/** What one session (from one trace_start to the next) has seen so far. */
interface Session {
  messageRequests: TraceRequestRecord[];
  turnBySeq: Map<number, number>;
  replyBySeq: Map<number, string>;
  turns: number;
  /** The seq of the latest request, so a reply that does not follow its request says which it answers. */
  lastSeq?: number;
}

/** Sums over the whole file. */
interface Totals {
  sessions: number;
  turns: number;
  toolCalls: number;
  toolErrors: number;
  failedRequests: number;
  requestMs: number;
  inputTokens: number;
  outputTokens: number;
  cacheRead: number;
  cacheWrite: number;
}

/** The lines of the view, in the order of the records. Never throws on odd but parseable records. */
export function renderTrace(records: TraceRecord[], options: TraceViewOptions): string[] {
  const rendering: BlockRendering = {
    style: createStyle(options.color),
    preview: { maxChars: options.maxChars },
  };
  const totals: Totals = {
    sessions: 0,
    turns: 0,
    toolCalls: 0,
    toolErrors: 0,
    failedRequests: 0,
    requestMs: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheRead: 0,
    cacheWrite: 0,
  };
  let session = newSession();
  const lines: string[] = [];
  for (const record of records) {
    if (record.type === "trace_start") {
      session = newSession();
      totals.sessions += 1;
      lines.push(...renderStart(record, totals.sessions, rendering));
    } else if (record.type === "request") {
      lines.push(...renderRequest(record, session, totals, rendering));
    } else if (record.type === "response") {
      lines.push(...renderResponse(record, session, totals, rendering));
    } else if (record.type === "tool") {
      lines.push(...renderTool(record, totals, rendering));
    } else {
      lines.push(renderEvent(record, rendering));
    }
  }
  lines.push("", ...renderTotals(totals, rendering));
  return lines;
}

function newSession(): Session {
  return { messageRequests: [], turnBySeq: new Map(), replyBySeq: new Map(), turns: 0 };
}

function renderStart(record: TraceStartRecord, number: number, { style }: BlockRendering): string[] {
  const time = record.time.replace("T", " ").replace(/\.\d+Z$/, "Z");
  const details = [
    record.source,
    time,
    `pid ${record.pid}`,
    record.cwd,
    record.argv?.length ? record.argv.join(" ") : "",
  ];
  return ["", style.heading(`session ${number}`) + style.dim(` · ${details.filter(Boolean).join(" · ")}`)];
}

function renderRequest(
  record: TraceRequestRecord,
  session: Session,
  totals: Totals,
  rendering: BlockRendering,
) {
  const { style, preview } = rendering;
  session.lastSeq = record.seq;
  const model = String(fieldOf(record, "model") ?? "?");
  if (isCountTokens(record)) {
    return [
      "",
      `${style.heading("count_tokens")}${style.dim(` · ${model} · ${plural(messagesOf(record).length, "message")}`)}`,
    ];
  }
  session.turns += 1;
  totals.turns += 1;
  session.turnBySeq.set(record.seq, session.turns);
  const growth = measureRequestGrowth(session.messageRequests, record);
  session.messageRequests.push(record);
  const maxTokens = fieldOf(record, "max_tokens");
  const lines = [
    "",
    style.heading(`turn ${session.turns}`) +
      style.dim(` · ${model} · max_tokens ${formatCount(Number(maxTokens))}`),
  ];
  const previousTurn =
    growth.previousSeq === undefined ? undefined : session.turnBySeq.get(growth.previousSeq);
  const total = messagesOf(record).length;
  if (previousTurn === undefined) {
    if (session.turns > 1)
      lines.push(
        style.notice(`  a new conversation (a subagent, or a history replaced): ${plural(total, "message")}`),
      );
  } else {
    lines.push(
      style.dim(
        `  ${plural(total, "message")}: ${growth.kept} as sent in turn ${previousTurn}, ${growth.added.length} new`,
      ),
    );
    if (growth.rewritten > 0) {
      lines.push(
        style.notice(
          `  ${plural(growth.rewritten, "message")} of turn ${previousTurn} changed or left out (the cached prefix ends there)`,
        ),
      );
    }
  }
  if (growth.systemChanged) {
    const system = systemText(fieldOf(record, "system"));
    const label = previousTurn === undefined ? "system" : "system changed";
    lines.push(`  ${label} (${formatCount(system.length)} chars): ${previewText(system, preview)}`);
  }
  if (growth.toolsChanged) {
    const tools = fieldOf(record, "tools");
    const names = Array.isArray(tools) ? tools.map((tool) => String(asRecord(tool).name)) : [];
    lines.push(
      `  ${previousTurn === undefined ? "tools" : "tools changed"} (${names.length}): ${names.join(", ")}`,
    );
  }
  const previousReply =
    growth.previousSeq === undefined ? undefined : session.replyBySeq.get(growth.previousSeq);
  for (const message of growth.added) {
    const { role, content } = asRecord(message);
    if (role === "assistant" && previousReply !== undefined && comparable(content) === previousReply) {
      lines.push(style.dim(`  + assistant: the reply of turn ${previousTurn}`));
    } else {
      lines.push(...renderMessage(message, rendering));
    }
  }
  return lines;
}

function renderResponse(
  record: TraceResponseRecord,
  session: Session,
  totals: Totals,
  rendering: BlockRendering,
) {
  const { style, preview } = rendering;
  totals.requestMs += record.durationMs;
  const turn = session.turnBySeq.get(record.seq);
  const answers = record.seq !== session.lastSeq && turn !== undefined ? `reply to turn ${turn}` : "";
  const timing = [answers, formatDuration(record.durationMs), record.requestId].filter(Boolean).join(" · ");
  const message = record.message;
  const lines: string[] = [];
  if (record.error !== undefined) {
    totals.failedRequests += 1;
    const what = record.aborted ? "aborted" : `${record.status || "no response"} · ${record.error}`;
    lines.push(style.error(`  ✗ ${what}`) + style.dim(` · ${timing}`));
    if (message) lines.push(style.model("  ← assistant, what had arrived:"));
  } else {
    const who = message ? `${style.model("assistant")} · ` : "";
    lines.push(`  ← ${who}${record.status}${style.dim(` · ${timing}`)}`);
  }
  if (!message) {
    if (record.body !== undefined && record.error === undefined) {
      lines.push(`      ${previewValue(record.body, preview)}`);
    }
    return lines;
  }
  session.replyBySeq.set(record.seq, comparable(message.content));
  for (const block of message.content) lines.push(`      ${renderBlock(block, rendering)}`);
  const usage = message.usage;
  totals.inputTokens += usage.input_tokens ?? 0;
  totals.outputTokens += usage.output_tokens ?? 0;
  totals.cacheRead += usage.cache_read_input_tokens ?? 0;
  totals.cacheWrite += usage.cache_creation_input_tokens ?? 0;
  const stop = `stop ${message.stop_reason ?? "none"}`;
  lines.push(style.dim(`  ${stop} · ${tokenLine(usage)}`));
  return lines;
}

function tokenLine(usage: {
  input_tokens?: number;
  output_tokens?: number;
  [field: string]: unknown;
}): string {
  const count = (field: string) => formatCount(typeof usage[field] === "number" ? usage[field] : 0);
  return `in ${count("input_tokens")} · out ${count("output_tokens")} · cache read ${count("cache_read_input_tokens")} · cache write ${count("cache_creation_input_tokens")}`;
}

function renderTool(record: TraceToolRecord, totals: Totals, { style, preview }: BlockRendering): string[] {
  totals.toolCalls += 1;
  if (record.isError) totals.toolErrors += 1;
  const subagent = record.parentToolUseId ? ` · in the subagent of ${record.parentToolUseId}` : "";
  const outcome = record.interrupted ? "interrupted" : record.isError ? "error" : "output";
  const label = record.isError || record.interrupted ? style.error(outcome) : outcome;
  return [
    `  ${style.tool(`tool ${record.name}`)}${style.dim(` · ${formatDuration(record.durationMs)} · ${record.id}${subagent}`)}`,
    `      input ${previewValue(record.input, preview)}`,
    `      ${label} ${previewText(record.output, preview)}`,
  ];
}

function renderEvent(record: TraceEventRecord, { style, preview }: BlockRendering): string {
  const { type, ...fields } = record.event;
  if (type === "notice") {
    const text = `  · notice [${String(fields.source)}] ${String(fields.text)}`;
    return fields.level === "warn" ? style.error(text) : style.notice(text);
  }
  return style.notice(`  · ${type} ${previewValue(fields, preview)}`);
}

function renderTotals(totals: Totals, { style }: BlockRendering): string[] {
  const parts = [
    plural(totals.turns, "turn"),
    `${plural(totals.toolCalls, "tool call")}${totals.toolErrors ? ` (${totals.toolErrors} failed)` : ""}`,
    `in ${formatCount(totals.inputTokens)}`,
    `out ${formatCount(totals.outputTokens)}`,
    `cache read ${formatCount(totals.cacheRead)}`,
    `cache write ${formatCount(totals.cacheWrite)}`,
    `${formatDuration(totals.requestMs)} in requests`,
  ];
  if (totals.failedRequests > 0) parts.push(style.error(plural(totals.failedRequests, "failed request")));
  if (totals.sessions > 1) parts.unshift(plural(totals.sessions, "session"));
  return [`${style.heading("totals")} · ${parts.join(" · ")}`];
}

/** "1 turn", "3 turns": the count formatted, the noun made plural when it is not 1. */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${count === 1 ? noun : `${noun}s`}`;
}

/** True for a `…/v1/messages/count_tokens` request (it is not a model turn). */
export function isCountTokens(record: TraceRequestRecord): boolean {
  try {
    return new URL(record.url).pathname.endsWith("/count_tokens");
  } catch {
    return false;
  }
}
