// Error responses in the real API's shape: {"type":"error","error":{"type":…,"message":…}}.
// Maps each scripted Fault to its status, error type, message and headers.

import type { Fault, ServerErrorStatus, StreamFault } from "./types.ts";

/** The context window the fake pretends to have, for prompt_too_long messages. */
export const FAKE_CONTEXT_WINDOW = 200_000;

const SERVER_ERROR_TEXT: Record<ServerErrorStatus, string> = {
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

/** An error the fake answers with. */
export interface ApiErrorResponse {
  status: number;
  type: string;
  message: string;
  headers: Record<string, string>;
}

/** Builds an error response with no extra headers. */
export function apiError(status: number, type: string, message: string): ApiErrorResponse {
  return { status, type, message, headers: {} };
}

/** The JSON body the real API sends for an error. */
export function errorBody(error: ApiErrorResponse): string {
  return JSON.stringify({ type: "error", error: { type: error.type, message: error.message } });
}

/**
 * The response for a fault that answers with an HTTP error (every kind but the stream faults).
 * `promptTokens` is the request's estimated size, quoted by prompt_too_long.
 */
export function faultResponse(
  fault: Exclude<Fault, StreamFault | { kind: "connection_reset" }>,
  promptTokens: number,
): ApiErrorResponse {
  switch (fault.kind) {
    case "rate_limit": {
      if (fault.retryAfterMs !== undefined) {
        const message = `fake API: rate limited, retry after ${fault.retryAfterMs} ms`;
        return {
          ...apiError(429, "rate_limit_error", message),
          headers: { "retry-after-ms": String(fault.retryAfterMs) },
        };
      }
      const seconds = fault.retryAfterSeconds ?? 1;
      return {
        ...apiError(429, "rate_limit_error", `fake API: rate limited, retry after ${seconds} seconds`),
        headers: { "retry-after": String(seconds) },
      };
    }
    case "overloaded": {
      const error = apiError(529, "overloaded_error", "Overloaded");
      if (fault.retryAfterMs === undefined) return error;
      return { ...error, headers: { "retry-after-ms": String(fault.retryAfterMs) } };
    }
    case "server_error": {
      const status = fault.status ?? 500;
      return apiError(status, "api_error", SERVER_ERROR_TEXT[status]);
    }
    case "prompt_too_long": {
      const tokens = Math.max(promptTokens, FAKE_CONTEXT_WINDOW + 1);
      return apiError(
        400,
        "invalid_request_error",
        `prompt is too long: ${tokens} tokens > ${FAKE_CONTEXT_WINDOW} maximum`,
      );
    }
    case "auth":
      return fault.status === 403
        ? apiError(
            403,
            "permission_error",
            "Your API key does not have permission to use the specified resource.",
          )
        : apiError(401, "authentication_error", "invalid x-api-key");
  }
}
