// Which kind of failure a model call ended with, and whether waiting and trying again can help.
// Pure: the SDK's error classes and the API's error types in, a tagged Failure out.
import * as Anthropic from "@anthropic-ai/sdk/error";
import { type HeaderLookup, requestedWaitMs } from "@lcc/chapter-kit";
import { ModelAbortError } from "@lcc/s02";

/** Failures retried after a backoff (the transient ones). */
export type RetryableKind =
  | "rate_limited"
  | "overloaded"
  | "server_error"
  | "connection"
  | "timeout"
  | "stream_interrupted";

/**
 * Every kind: the retryable ones, `auth` (401/403, stop at once), `prompt_too_long` (compact, then
 * retry once), `aborted` (the user's Ctrl-C) and `fatal` (any other error; retrying cannot help).
 */
export type FailureKind = RetryableKind | "auth" | "prompt_too_long" | "aborted" | "fatal";

export interface Failure {
  kind: FailureKind;
  /** The HTTP status, when the API answered with one. */
  status?: number;
  /** What the response asked to wait (retry-after-ms / retry-after), in milliseconds. */
  requestedWaitMs?: number;
  /** The error's own message, for the final report. */
  message: string;
}

const RETRYABLE: ReadonlySet<FailureKind> = new Set<RetryableKind>([
  "rate_limited",
  "overloaded",
  "server_error",
  "connection",
  "timeout",
  "stream_interrupted",
]);

/** True for the kinds a backoff can cure. */
export function isRetryable(kind: FailureKind): kind is RetryableKind {
  return RETRYABLE.has(kind);
}

/** Error types the API sends inside a 200 event stream (an SSE `error` event has no status). */
const STREAM_ERROR_KINDS: Record<string, FailureKind> = {
  overloaded_error: "overloaded",
  api_error: "server_error",
  rate_limit_error: "rate_limited",
  timeout_error: "timeout",
};

/** Socket-level codes Node reports for a connection that broke or never opened. */
const CONNECTION_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);

/** Classifies what a model call threw. `now` dates an HTTP-date retry-after. Never throws. */
export function classifyFailure(error: unknown, now: number = Date.now()): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ModelAbortError) return { kind: "aborted", message };
  if (error instanceof Anthropic.APIConnectionTimeoutError) return { kind: "timeout", message };
  if (error instanceof Anthropic.APIConnectionError) return { kind: "connection", message };
  if (error instanceof Anthropic.APIError) return classifyApiError(error, apiErrorText(error), now);
  // The SDK wraps a body that broke off ("terminated") or an event it could not parse in a plain
  // AnthropicError: the stream died mid-message.
  if (error instanceof Anthropic.AnthropicError) return { kind: "stream_interrupted", message };
  if (hasConnectionCode(error)) return { kind: "connection", message };
  return { kind: "fatal", message };
}

function classifyApiError(error: InstanceType<typeof Anthropic.APIError>, message: string, now: number) {
  const status = error.status;
  const wait = requestedWaitMs(error.headers as HeaderLookup | undefined, now);
  const withWait = wait === undefined ? {} : { requestedWaitMs: wait };
  if (status === undefined) {
    const kind = STREAM_ERROR_KINDS[String(error.type ?? "")] ?? "fatal";
    return { kind, message } satisfies Failure;
  }
  const base = { status, message, ...withWait };
  if (status === 401 || status === 403) return { kind: "auth", ...base } satisfies Failure;
  if (status === 429) return { kind: "rate_limited", ...base } satisfies Failure;
  if (status === 529) return { kind: "overloaded", ...base } satisfies Failure;
  if (status === 408) return { kind: "timeout", ...base } satisfies Failure;
  if (status === 413 || (status === 400 && /prompt is too long/i.test(message)))
    return { kind: "prompt_too_long", ...base } satisfies Failure;
  if (status >= 500 && status <= 599) return { kind: "server_error", ...base } satisfies Failure;
  return { kind: "fatal", ...base } satisfies Failure;
}

/** "401 authentication_error: invalid x-api-key" from the API's error body; the SDK's message otherwise. */
function apiErrorText(error: InstanceType<typeof Anthropic.APIError>): string {
  const inner = (error.error as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
  if (typeof inner?.message !== "string") return error.message;
  const type = typeof inner.type === "string" ? `${inner.type}: ` : "";
  return `${error.status === undefined ? "" : `${error.status} `}${type}${inner.message}`;
}

function hasConnectionCode(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
