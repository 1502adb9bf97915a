// The one interface both MCP clients implement (the hand-written stdio client and the official SDK):
// connect, list tools, call a tool, close, with the server's identity, a bounded stderr tail and a state.
import type { McpContentBlock } from "./mcp-content.ts";

/** Where a client stands: `failed` carries a reason a human can read (exit code, stderr tail, timeout). */
export type McpClientState =
  | { status: "idle" }
  | { status: "connecting" }
  | { status: "connected" }
  | { status: "failed"; reason: string }
  | { status: "closed" };

/** What `initialize` told us about the server. */
export interface McpServerInfo {
  name: string;
  version: string;
  protocolVersion: string;
  /** The server's capabilities object as sent (e.g. `{ tools: { listChanged: true } }`). */
  capabilities: Record<string, unknown>;
  instructions?: string;
}

/** Hints a server may attach to a tool; advisory, never trusted for security decisions. */
export interface McpToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

/** One tool as `tools/list` describes it. */
export interface McpTool {
  name: string;
  title?: string;
  description?: string;
  /** The JSON Schema of the tool's arguments, as sent by the server. */
  inputSchema: Record<string, unknown>;
  annotations?: McpToolAnnotations;
}

/** A tool's answer: every content block kept (text and images), and whether the tool reported an error. */
export interface McpCallResult {
  content: McpContentBlock[];
  isError: boolean;
  structuredContent?: Record<string, unknown>;
}

/** Per-call options: the signal aborts the call (the server is told with `notifications/cancelled`). */
export interface McpCallOptions {
  signal?: AbortSignal;
  /** Fails the call with an `McpError` of kind `timeout` after this many ms (default: the client's). */
  timeoutMs?: number;
}

/** A notification the server sent that the client does not handle itself (logs, list changes, progress). */
export interface McpNotification {
  method: string;
  params?: Record<string, unknown>;
}

/** Options every client accepts. */
export interface McpClientOptions {
  /** How long `connect` waits for `initialize` (default 30,000 ms, Claude Code's MCP_TIMEOUT default). */
  connectTimeoutMs?: number;
  /** Default timeout of a request, tool calls included (default 60,000 ms). */
  requestTimeoutMs?: number;
  /** Called for server notifications such as `notifications/message` (server logs); must not throw. */
  onNotification?: (notification: McpNotification) => void;
  /**
   * Called on every change of `state`, e.g. `failed` when the server process dies while no request is
   * pending (a hub marks the server crashed at once); must not throw.
   */
  onStateChange?: (state: McpClientState) => void;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** The name and version this harness gives servers in `initialize`. */
export const CLIENT_INFO = { name: "lcc", version: "0.1.0" } as const;

/**
 * An MCP client. Methods reject with `McpError` (never a bare string); `state` never throws.
 * `connect` may be called once; `close` is idempotent, leaves no process behind and rejects pending calls.
 */
export interface McpClient {
  readonly state: McpClientState;
  /** Set once `connect` succeeded. */
  readonly serverInfo: McpServerInfo | undefined;
  /** The last few KB the server wrote to stderr (empty for HTTP). */
  readonly stderrTail: string;
  /** `initialize` → `notifications/initialized`; on failure the state is `failed` with the reason. */
  connect(): Promise<void>;
  /** All tools, following `nextCursor` page by page. */
  listTools(options?: McpCallOptions): Promise<McpTool[]>;
  /** Calls one tool; a tool's own failure is `isError: true`, a protocol or transport failure rejects. */
  callTool(name: string, args: Record<string, unknown>, options?: McpCallOptions): Promise<McpCallResult>;
  close(): Promise<void>;
}
