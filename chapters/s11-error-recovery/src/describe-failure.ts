// Words for failures and waits, shared by the retry line the user sees and the final error message.
import type { FailureKind } from "./classify-failure.ts";

const LABELS: Record<FailureKind, string> = {
  rate_limited: "rate limited",
  overloaded: "overloaded",
  server_error: "server error",
  connection: "connection failed",
  timeout: "request timed out",
  stream_interrupted: "stream cut off",
  prompt_too_long: "prompt too long",
  auth: "not authorized",
  aborted: "interrupted",
  fatal: "request failed",
};

/** "overloaded", "server error 503", "rate limited"… The status is named for server errors only. */
export function failureLabel(kind: FailureKind, status?: number): string {
  return kind === "server_error" && status !== undefined ? `${LABELS[kind]} ${status}` : LABELS[kind];
}

/** A wait as people say it: "0.3 s" under a second, else whole seconds ("4 s"). */
export function formatWait(ms: number): string {
  if (ms < 1000) return `${Math.max(0.1, Math.round(ms / 100) / 10)} s`;
  return `${Math.round(ms / 1000)} s`;
}
