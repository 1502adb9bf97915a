// The one error type both MCP clients reject with: a tagged kind to branch on, never a string to parse.

/** Why an MCP request failed. */
export type McpErrorKind =
  | "timeout"
  | "aborted"
  | "connect_failed"
  | "server_exited"
  | "closed"
  | "not_connected"
  | "remote"
  | "protocol";

/** Extra facts about a failure, for messages and tests. */
export interface McpErrorDetails {
  /** JSON-RPC error code, for `remote` errors. */
  code?: number;
  /** The server's exit code or signal, for `server_exited`. */
  exitCode?: number | null;
  signal?: string | null;
  stderrTail?: string;
  /** From the hub: how long until a call may restart the failed server (0: the next call does). */
  retryInMs?: number;
}

/** A failed MCP request; `message` is written for a human and already names the cause. */
export class McpError extends Error {
  readonly kind: McpErrorKind;
  readonly details: McpErrorDetails;

  constructor(kind: McpErrorKind, message: string, details: McpErrorDetails = {}) {
    super(message);
    this.name = "McpError";
    this.kind = kind;
    this.details = details;
  }
}

/** True when `error` is an `McpError` (of `kind`, if given). */
export function isMcpError(error: unknown, kind?: McpErrorKind): error is McpError {
  return error instanceof McpError && (kind === undefined || error.kind === kind);
}

/** Appends the last lines of a server's stderr to a message, when there are any. */
export function withStderrTail(message: string, stderrTail: string): string {
  const tail = stderrTail.trim().split("\n").slice(-5).join("\n");
  return tail === "" ? message : `${message}; stderr: ${tail}`;
}
