// The public vocabulary of the fake Messages API: scripted replies, faults, recorded requests.
// Types only; the server lives in fake-api.ts and the builders in builders.ts.

import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";

/** A content block the fake model answers with. A `tool_use` without `id` gets `toolu_fake_<n>`. */
export type FakeBlock =
  | { type: "text"; text: string }
  | {
      type: "tool_use";
      id?: string;
      name: string;
      input: unknown;
      /** Streamed as the input_json_delta text instead of the JSON of `input`, as given (invalid JSON too). */
      rawInput?: string;
    };

/** A failure the fake answers with instead of a message, shaped like the real API's. */
export type Fault =
  /** 429 with `retry-after` in seconds (default 1), or `retry-after-ms` when `retryAfterMs` is given. */
  | { kind: "rate_limit"; retryAfterSeconds?: number; retryAfterMs?: number }
  | { kind: "overloaded"; retryAfterMs?: number }
  /** A 5xx api_error: 500 (default), 502, 503 or 504. */
  | { kind: "server_error"; status?: ServerErrorStatus }
  | { kind: "prompt_too_long" }
  /** 401 authentication_error (default) or 403 permission_error. */
  | { kind: "auth"; status?: 401 | 403 }
  /** The socket is destroyed before any response: the client sees a connection reset. */
  | { kind: "connection_reset" }
  | { kind: "drop_mid_stream"; afterChars?: number }
  /** HTTP 200, some text, then an SSE `error` event (default overloaded_error "Overloaded"), as a real outage mid-reply. */
  | { kind: "sse_error"; afterChars?: number; errorType?: string; message?: string }
  /** HTTP 200, some text, then an event whose data is not JSON, and the stream ends. */
  | { kind: "malformed_stream"; afterChars?: number };

/** The 5xx statuses a server_error fault can answer with. */
export type ServerErrorStatus = 500 | 502 | 503 | 504;

/** The faults that start a 200 event stream and break it (a non-streaming request gets its socket destroyed). */
export type StreamFault = Extract<Fault, { kind: "drop_mid_stream" | "sse_error" | "malformed_stream" }>;

/** Why the fake model stopped. */
export type FakeStopReason = "end_turn" | "tool_use" | "max_tokens" | "stop_sequence";

/** One scripted answer to one POST /v1/messages. */
export interface FakeReply {
  /** The assistant's content blocks (default: none). */
  content?: FakeBlock[];
  /** Default: "tool_use" if any tool_use block, else "end_turn". */
  stop_reason?: FakeStopReason;
  /** Default: estimated from the content with {@link estimateTokens}. */
  outputTokens?: number;
  /** Answer with this fault instead of the message. */
  fault?: Fault;
  /** Wait this long before answering; stops early if the client disconnects. */
  delayMs?: number;
  /** Wait this long between SSE frames, so a test can abort mid-stream. */
  chunkDelayMs?: number;
}

/**
 * The fake model's behaviour: a list consumed one reply per message request, or a function called
 * with the recorded request and the reply number (0-based, counting only requests that reached the
 * script). A function may be async; if it throws, the fake answers 500 with the error's message.
 */
export type Script =
  | FakeReply[]
  | ((request: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>);

/**
 * The parsed JSON body of a request, typed as the SDK sends it. The fake does not rewrite it; a
 * malformed body (which the real SDK never sends) is recorded as parsed, or as `{}` if not an object.
 */
export type MessagesRequestBody = MessageCreateParamsBase;

/** The usage the fake reported for one message request. */
export interface FakeUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

/** One HTTP request the fake received, recorded before it was answered. */
export interface RecordedRequest {
  /** Position in {@link FakeApi.requests} (0-based, over every request). */
  index: number;
  method: string;
  /** The path without the query string, e.g. "/v1/messages". */
  path: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: MessagesRequestBody;
  /** The usage the fake reported (message requests answered with a message only). */
  usage?: FakeUsage;
}

/** Options of {@link startFakeApi}. */
export interface FakeApiOptions {
  script: Script;
  /** Characters per text_delta / input_json_delta (default 8), so every block arrives in several chunks. */
  chunkSize?: number;
  /** Minimum prefix length, in estimated tokens, that can be cached (default 0). */
  minCacheTokens?: number;
}

/** A running fake Messages API on 127.0.0.1. */
export interface FakeApi {
  /** "http://127.0.0.1:<port>", to pass as the SDK's `baseURL`. */
  baseURL: string;
  /** Every request, in arrival order (messages and count_tokens alike). */
  requests: RecordedRequest[];
  /** Only the POST /v1/messages requests, in order. */
  messageRequests(): RecordedRequest[];
  /** Closes the server and every open socket; safe to call twice. */
  close(): Promise<void>;
}
