// Error responses in the real API's shape: {"type":"error","error":{"type":…,"message":…}}.
// Maps each scripted Fault to its status, error type, message and headers.

import type { Fault, StreamFault } from "./types.ts";

/** The context window the fake pretends to have, for prompt_too_long messages. */
export const FAKE_CONTEXT_WINDOW = 200_000;

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
export function faultResponse(fault: Exclude<Fault, StreamFault>, promptTokens: number): ApiErrorResponse {
  switch (fault.kind) {
    case "rate_limit": {
      const seconds = fault.retryAfterSeconds ?? 1;
      return {
        ...apiError(429, "rate_limit_error", `fake API: rate limited, retry after ${seconds} seconds`),
        headers: { "retry-after": String(seconds) },
      };
    }
    case "overloaded":
      return apiError(529, "overloaded_error", "Overloaded");
    case "server_error":
      return apiError(500, "api_error", "Internal server error");
    case "prompt_too_long": {
      const tokens = Math.max(promptTokens, FAKE_CONTEXT_WINDOW + 1);
      return apiError(
        400,
        "invalid_request_error",
        `prompt is too long: ${tokens} tokens > ${FAKE_CONTEXT_WINDOW} maximum`,
      );
    }
    case "auth":
      return apiError(401, "authentication_error", "invalid x-api-key");
  }
}
