// The trace file format (`LCC_TRACE=<file>`): JSON Lines, one record per line, a discriminated union on
// `type`. This file is the format's documentation; the terminal viewer and the HTML view both read it.

/**
 * Version written in every `trace_start`. The format only grows: fields and record types may be added
 * without a bump (readers ignore what they do not know); renaming, removing or changing the meaning of
 * a field bumps it.
 */
export const TRACE_FORMAT_VERSION = 1;

/**
 * A file may hold several sessions, appended one after another; each starts with this record and the
 * records after it (up to the next `trace_start`) belong to it.
 */
export interface TraceStartRecord {
  type: "trace_start";
  /** {@link TRACE_FORMAT_VERSION} of the writer. */
  format: number;
  /** ISO 8601 UTC timestamp with milliseconds, like every `time` below. */
  time: string;
  pid: number;
  /** Who wrote the trace: a package name such as "@lcc/s02" or "lcc". */
  source: string;
  /** The command-line arguments after the script (never the environment). */
  argv?: string[];
  /** The working directory of the process. */
  cwd?: string;
}

/** One HTTP request to the Messages API (`POST …/v1/messages` or `…/v1/messages/count_tokens`). */
export interface TraceRequestRecord {
  type: "request";
  /** 1, 2, 3… within the session; the matching `response` carries the same number. A retry is a new request. */
  seq: number;
  /** When the request was handed to fetch. */
  time: string;
  method: string;
  /** The full URL without user name or password (query string kept, e.g. "?beta=true"). */
  url: string;
  /**
   * The JSON body exactly as sent, parsed (model, system, tools, messages, …); a body that is not JSON
   * is kept as its text. Headers are never recorded: no API key or token can reach the trace.
   */
  body: unknown;
}

/** Token counts as the API reports them (fields it leaves out stay out). */
export interface TraceUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  [field: string]: unknown;
}

/** A content block as the API sends it: text, thinking, tool_use (with `input` parsed), … */
export interface TraceContentBlock {
  type: string;
  [field: string]: unknown;
}

/** The assistant message, assembled from the stream (or as returned by a non-streaming request). */
export interface TraceMessage {
  id: string;
  model: string;
  role: string;
  content: TraceContentBlock[];
  /** Null when the stream ended before `message_delta` (aborted, cut or failed). */
  stop_reason: string | null;
  stop_sequence?: string | null;
  usage: TraceUsage;
  [field: string]: unknown;
}

/** How a request ended: a message, another JSON body (count_tokens, an API error), or a failure. */
export interface TraceResponseRecord {
  type: "response";
  /** The `seq` of its request. */
  seq: number;
  /** When the response ended (the last byte, the error or the abort). */
  time: string;
  /** From the request to the end of the response. */
  durationMs: number;
  /** From the request to the response headers; absent when none arrived. */
  headersMs?: number;
  /** HTTP status; 0 when no response arrived (network failure, abort before the headers). */
  status: number;
  /** The API's `request-id` header, to quote to support; the only header recorded. */
  requestId?: string;
  /** True for an SSE response. */
  streamed: boolean;
  /** The assistant message; on a stream that did not finish, what had arrived (stop_reason null). */
  message?: TraceMessage;
  /** Any other JSON body: count_tokens' `{ input_tokens }`, an API error's `{ type: "error", error }`. */
  body?: unknown;
  /** What went wrong: "rate_limit_error: …", "stream ended before message_stop", "aborted", … */
  error?: string;
  /** True when the caller's signal aborted the request. */
  aborted?: boolean;
}

/** One tool execution, from the agent's `tool_end` event. */
export interface TraceToolRecord {
  type: "tool";
  /** When the tool finished. */
  time: string;
  /** The tool_use id the model chose it with. */
  id: string;
  name: string;
  input: unknown;
  /** What the model reads back (already capped by the tool). */
  output: string;
  isError: boolean;
  /** True when the user's abort cut the call short (or it never started). */
  interrupted?: boolean;
  durationMs: number;
  /** The tool's typed details for people (a diff, truncation info, …), when it gave any. */
  details?: unknown;
  /** Set when a subagent ran the tool: the id of the agent tool call that started the subagent. */
  parentToolUseId?: string;
}

/** The agent events that are traced besides tools, with the fields they carry (see {@link TraceEventRecord}). */
export const TRACED_EVENT_TYPES = [
  "agent_end",
  "loop_continue",
  "tool_decision",
  "notice",
  "compaction_start",
  "compaction_end",
  "subagent_start",
  "subagent_end",
] as const;

/** One of {@link TRACED_EVENT_TYPES}. */
export type TracedEventType = (typeof TRACED_EVENT_TYPES)[number];

/**
 * An agent event other than a tool execution, copied as emitted and made JSON-safe (an Error becomes its
 * message): `agent_end` (reason, error, detail), `loop_continue` (turn, reason), `tool_decision` (id,
 * name, phase, decision, reason), `notice` (source, text, level), `compaction_start` / `compaction_end`
 * (kind, trigger, token and character counts) and `subagent_start` / `subagent_end`. The recorder itself
 * writes `trace_error` (recordType, error) in place of a record it could not serialize. Readers show
 * event types they do not know as they are.
 */
export interface TraceEventRecord {
  type: "event";
  time: string;
  event: { type: string; [field: string]: unknown };
  /** Set when a subagent emitted the event: the id of the agent tool call that started the subagent. */
  parentToolUseId?: string;
}

/** One line of a trace file. */
export type TraceRecord =
  | TraceStartRecord
  | TraceRequestRecord
  | TraceResponseRecord
  | TraceToolRecord
  | TraceEventRecord;

/** The `type` of each record. */
export type TraceRecordType = TraceRecord["type"];

/** A `time` field for a record written now. */
export function traceTime(date: Date = new Date()): string {
  return date.toISOString();
}
