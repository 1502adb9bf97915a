// What lcc says when a model request fails: one readable line naming what happened and what to do,
// from the SDK's error classes (never the raw JSON of an error body or a JSON parser's message).
import * as Anthropic from "@anthropic-ai/sdk/error";
import { ModelCallError } from "@lcc/s11"; // s11: recovery gave up, and its message says why

/** Told after a failure mid-reply: the loop drops the unfinished assistant message. */
const PARTIAL_NOT_KEPT = "the partial reply was not kept. Retry the prompt.";

/**
 * A readable one-liner for a model failure. s11's ModelCallError says why recovery stopped (retries used
 * up: how many, and the last failure as below; a 401, a wait too long: its own message). An HTTP error carries status and message ("API error
 * 529: Overloaded"); a connection failure names the endpoint tried (`baseURL` + /v1/messages) and the
 * system's reason; a reply that broke off mid-stream says how (dropped connection, an `error` event,
 * an event that is not JSON). Anything else is its message. Pure; never throws.
 */
export function describeError(error: unknown, baseURL = "https://api.anthropic.com"): string {
  if (error instanceof ModelCallError) {
    // Retries used up: what the last failure was, in the words below. Any other give-up says it all.
    if (error.reason !== "retries_exhausted" || error.cause === undefined) return error.message;
    const last = describeError(error.cause, baseURL);
    if (error.retries === 0) return last;
    return `Gave up after ${error.retries} ${error.retries === 1 ? "retry" : "retries"}: ${last}`;
  }
  const endpoint = `${baseURL.replace(/\/+$/, "")}/v1/messages`;
  if (error instanceof Anthropic.APIConnectionError) {
    if (error instanceof Anthropic.APIConnectionTimeoutError)
      return `Connection error: ${endpoint} did not answer in time (request timed out)`;
    const reason = rootCauseOf(error);
    return `Connection error: could not reach ${endpoint}${reason ? ` (${reason})` : ""}`;
  }
  if (error instanceof Anthropic.APIError && error.status === undefined)
    return `The API reported an error in the stream: ${streamErrorOf(error)}; ${PARTIAL_NOT_KEPT}`;
  const apiError = error as { status?: unknown; error?: { error?: { message?: unknown } } } | undefined;
  const apiMessage = apiError?.error?.error?.message;
  if (typeof apiError?.status === "number" && typeof apiMessage === "string") {
    return `API error ${apiError.status}: ${apiMessage}`;
  }
  if (error instanceof Anthropic.AnthropicError && error.cause instanceof SyntaxError)
    return `The API sent a stream lcc could not read (invalid JSON in an event from ${endpoint}); ${PARTIAL_NOT_KEPT}`;
  if (error instanceof Error && isDroppedConnection(error))
    return `The connection to ${endpoint} dropped in the middle of the reply (${error.message}); ${PARTIAL_NOT_KEPT}`;
  return error instanceof Error ? error.message : String(error);
}

/** "type: message" of an SSE `error` event (its raw data when that is not the API's error shape). */
function streamErrorOf(error: InstanceType<typeof Anthropic.APIError>): string {
  const body: unknown = error.error;
  if (typeof body === "string") return body;
  if (error.type && error.apiMessage) return `${error.type}: ${error.apiMessage}`;
  return error.apiMessage ?? error.type ?? JSON.stringify(body);
}

/**
 * True when the response body broke off after it started: fetch's "terminated" TypeError, or a
 * socket error (reset, closed by the other side) anywhere in the cause chain.
 */
function isDroppedConnection(error: Error): boolean {
  let cause: unknown = error;
  for (let depth = 0; cause instanceof Error && depth < 8; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (cause instanceof TypeError && cause.message === "terminated") return true;
    if (code === "UND_ERR_SOCKET" || code === "ECONNRESET" || code === "EPIPE") return true;
    cause = cause.cause;
  }
  return false;
}

/** The innermost cause's code (ECONNREFUSED, ENOTFOUND) or message ("bad port"); undefined without a cause. */
function rootCauseOf(error: Error): string | undefined {
  let cause: unknown = error.cause;
  let reason: string | undefined;
  for (let depth = 0; cause instanceof Error && depth < 8; depth++) {
    const code = (cause as { code?: unknown }).code;
    reason = typeof code === "string" ? code : cause.message;
    cause = cause.cause;
  }
  return reason;
}
