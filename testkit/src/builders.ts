// Small builders so scripted scenarios read like conversations: reply(text("…"), toolUse("bash", {…})).
// Each returns plain data; nothing here talks to the server.

import type { FakeBlock, FakeReply, ServerErrorStatus } from "./types.ts";

/** A text block. */
export function text(text: string): FakeBlock {
  return { type: "text", text };
}

/** A tool_use block; without `id` the fake assigns `toolu_fake_<n>` when it serves the reply. */
export function toolUse(name: string, input: unknown, id?: string): FakeBlock {
  return id === undefined ? { type: "tool_use", name, input } : { type: "tool_use", id, name, input };
}

/**
 * A tool_use block whose input streams as exactly `rawInput` (e.g. invalid JSON, as a model sometimes
 * writes); a non-streaming reply carries `input: {}`.
 */
export function toolUseRawInput(name: string, rawInput: string, id?: string): FakeBlock {
  const block = { type: "tool_use" as const, name, input: {}, rawInput };
  return id === undefined ? block : { ...block, id };
}

/** A reply made of these blocks; its stop_reason defaults from the blocks (tool_use or end_turn). */
export function reply(...blocks: FakeBlock[]): FakeReply {
  return { content: blocks };
}

/** Replies that fail the way the real API fails. */
export const faults = {
  /** 429 rate_limit_error with a `retry-after` header (default 1 second). */
  rateLimit(retryAfterSeconds?: number): FakeReply {
    return {
      fault:
        retryAfterSeconds === undefined ? { kind: "rate_limit" } : { kind: "rate_limit", retryAfterSeconds },
    };
  },
  /** 429 rate_limit_error with a `retry-after-ms` header (milliseconds). */
  rateLimitMs(retryAfterMs: number): FakeReply {
    return { fault: { kind: "rate_limit", retryAfterMs } };
  },
  /** 529 overloaded_error, with a `retry-after-ms` header when given. */
  overloaded(retryAfterMs?: number): FakeReply {
    return {
      fault: retryAfterMs === undefined ? { kind: "overloaded" } : { kind: "overloaded", retryAfterMs },
    };
  },
  /** A 5xx api_error (default 500; 502, 503 and 504 as gateways answer). */
  serverError(status?: ServerErrorStatus): FakeReply {
    return { fault: status === undefined ? { kind: "server_error" } : { kind: "server_error", status } };
  },
  /** 400 invalid_request_error "prompt is too long: N tokens > M maximum". */
  promptTooLong(): FakeReply {
    return { fault: { kind: "prompt_too_long" } };
  },
  /** 401 authentication_error, or 403 permission_error. */
  auth(status?: 401 | 403): FakeReply {
    return { fault: status === undefined ? { kind: "auth" } : { kind: "auth", status } };
  },
  /** No response at all: the socket is destroyed as the request arrives (a connection reset). */
  connectionReset(): FakeReply {
    return { fault: { kind: "connection_reset" } };
  },
  /** Starts the SSE stream, sends text deltas (default 16 characters), then destroys the socket. */
  dropMidStream(afterChars?: number): FakeReply {
    return {
      fault: afterChars === undefined ? { kind: "drop_mid_stream" } : { kind: "drop_mid_stream", afterChars },
    };
  },
  /** HTTP 200, some text, then an SSE `error` event (default overloaded_error "Overloaded"). */
  sseError(errorType = "overloaded_error", message = "Overloaded"): FakeReply {
    return { fault: { kind: "sse_error", errorType, message } };
  },
  /** HTTP 200, some text, then an event whose data is cut off mid-JSON, and the stream ends. */
  malformedStream(): FakeReply {
    return { fault: { kind: "malformed_stream" } };
  },
};
