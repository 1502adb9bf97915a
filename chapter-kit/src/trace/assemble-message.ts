// A reducer that rebuilds the assistant message from the Messages API's stream events, the way the SDK
// does: message_start, content blocks with their deltas, message_delta (stop reason, usage), errors.

import type { TraceContentBlock, TraceMessage, TraceUsage } from "./trace-format.ts";

/** One stream event's data, as parsed from an SSE frame's JSON. */
export interface StreamEvent {
  type: string;
  [field: string]: unknown;
}

/** What the events so far add up to. Treat as immutable: {@link reduceStreamEvent} returns a new one. */
export interface StreamAssembly {
  /** Absent until message_start. */
  message?: TraceMessage;
  /** The `partial_json` received per content block index, parsed into `input` at content_block_stop. */
  partialJson: Readonly<Record<number, string>>;
  /** True once message_stop arrived. */
  stopped: boolean;
  /** An `error` event: "overloaded_error: Overloaded". */
  error?: string;
}

/** Where every stream starts. */
export const EMPTY_ASSEMBLY: StreamAssembly = { partialJson: {}, stopped: false };

/** Applies one event. Pure; unknown events and deltas leave the state as it was. */
export function reduceStreamEvent(state: StreamAssembly, event: StreamEvent): StreamAssembly {
  switch (event.type) {
    case "message_start": {
      const message = asRecord(event.message);
      if (!message) return state;
      const content = Array.isArray(message.content) ? message.content.filter(isBlock) : [];
      return { ...state, message: { ...toMessage(message), content } };
    }
    case "content_block_start": {
      const block = event.content_block;
      if (!isBlock(block)) return state;
      return withBlock(state, Number(event.index), () => ({ ...block }), true);
    }
    case "content_block_delta":
      return applyDelta(state, Number(event.index), asRecord(event.delta) ?? {});
    case "content_block_stop":
      return settleToolInput(state, Number(event.index));
    case "message_delta": {
      if (!state.message) return state;
      const delta = asRecord(event.delta) ?? {};
      const usage = { ...state.message.usage, ...withoutNulls(asRecord(event.usage) ?? {}) };
      return { ...state, message: { ...state.message, ...delta, usage } };
    }
    case "message_stop":
      return { ...state, stopped: true };
    case "error": {
      const error = asRecord(event.error) ?? {};
      return { ...state, error: `${String(error.type ?? "error")}: ${String(error.message ?? "")}` };
    }
    default:
      return state;
  }
}

/**
 * The message so far, with unfinished tool input parsed, and why the stream is incomplete: its error
 * event, or "stream ended before message_stop" when it just stopped. Pure.
 */
export function finishAssembly(state: StreamAssembly): { message?: TraceMessage; error?: string } {
  let settled = state;
  for (const index of Object.keys(state.partialJson)) settled = settleToolInput(settled, Number(index));
  const error = state.error ?? (state.stopped ? undefined : "stream ended before message_stop");
  return {
    ...(settled.message ? { message: settled.message } : {}),
    ...(error === undefined ? {} : { error }),
  };
}

function applyDelta(state: StreamAssembly, index: number, delta: Record<string, unknown>): StreamAssembly {
  switch (delta.type) {
    case "text_delta":
      return withBlock(state, index, (block) => appendTo(block, "text", delta.text));
    case "thinking_delta":
      return withBlock(state, index, (block) => appendTo(block, "thinking", delta.thinking));
    case "signature_delta":
      return withBlock(state, index, (block) => ({ ...block, signature: delta.signature }));
    case "citations_delta":
      return withBlock(state, index, (block) => {
        const citations = Array.isArray(block.citations) ? block.citations : [];
        return { ...block, citations: [...citations, delta.citation] };
      });
    case "input_json_delta": {
      const sofar = state.partialJson[index] ?? "";
      const partialJson = { ...state.partialJson, [index]: sofar + String(delta.partial_json ?? "") };
      return { ...state, partialJson };
    }
    default:
      return state;
  }
}

/** Parses the block's collected partial JSON into `input`; JSON that does not parse is kept as text. */
function settleToolInput(state: StreamAssembly, index: number): StreamAssembly {
  const json = state.partialJson[index];
  if (json === undefined) return state;
  const { [index]: _settled, ...partialJson } = state.partialJson;
  const next = { ...state, partialJson };
  if (json === "") return next;
  return withBlock(next, index, (block) => ({ ...block, input: parseOrKeep(json) }));
}

function withBlock(
  state: StreamAssembly,
  index: number,
  update: (block: TraceContentBlock) => TraceContentBlock,
  create = false,
): StreamAssembly {
  const message = state.message;
  if (!message || !Number.isInteger(index) || index < 0) return state;
  const block = message.content[index];
  if (!block && !create) return state;
  const content = [...message.content];
  content[index] = update(block ?? { type: "unknown" });
  return { ...state, message: { ...message, content } };
}

function appendTo(block: TraceContentBlock, field: string, addition: unknown): TraceContentBlock {
  const sofar = typeof block[field] === "string" ? block[field] : "";
  return { ...block, [field]: sofar + String(addition ?? "") };
}

function toMessage(raw: Record<string, unknown>): TraceMessage {
  return {
    ...raw,
    id: String(raw.id ?? ""),
    model: String(raw.model ?? ""),
    role: String(raw.role ?? "assistant"),
    content: [],
    stop_reason: typeof raw.stop_reason === "string" ? raw.stop_reason : null,
    usage: (asRecord(raw.usage) ?? {}) as TraceUsage,
  };
}

function parseOrKeep(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  );
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function isBlock(value: unknown): value is TraceContentBlock {
  return typeof asRecord(value)?.type === "string";
}
