// The same McpClient interface on the official @modelcontextprotocol/sdk, over stdio or Streamable HTTP:
// what `lcc` uses. The SDK speaks the protocol (stdio on our process transport, for exit codes and process
// groups; HTTP on the SDK's); this file maps its errors and lifecycle onto ours.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, McpError as SdkMcpError } from "@modelcontextprotocol/sdk/types.js";
import {
  CLIENT_INFO,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type McpCallOptions,
  type McpClient,
  type McpClientOptions,
  type McpClientState,
  type McpServerInfo,
  type McpTool,
} from "./mcp-client.ts";
import { McpError, withStderrTail } from "./mcp-error.ts";
import { toCallResult, toServerInfo, toToolPage } from "./mcp-results.ts";
import { createProcessTransport, type ProcessTransport } from "./process-transport.ts";
import { describeServerExit, type StdioServerCommand } from "./server-process.ts";
import { createStderrTail } from "./stderr-tail.ts";

/** Where the server is: a process to spawn, or a Streamable HTTP endpoint. */
export type SdkTransportConfig =
  | { type: "stdio"; server: StdioServerCommand }
  | { type: "http"; url: URL; headers?: Record<string, string> };

export interface SdkClientOptions extends McpClientOptions {
  transport: SdkTransportConfig;
  /** Grace period of each step of a stdio server's shutdown (default 2,000 ms). */
  shutdownGraceMs?: number;
}

/** An SDK-backed client; `pid` is the server's process id for stdio (undefined for HTTP). */
export interface SdkMcpClient extends McpClient {
  readonly pid: number | undefined;
}

/** How hard the HTTP transport tries to resume a broken stream before the server counts as gone (~2 s). */
const HTTP_RECONNECTION = {
  initialReconnectionDelay: 250,
  maxReconnectionDelay: 1_000,
  reconnectionDelayGrowFactor: 2,
  maxRetries: 3,
};

/** Creates the client; nothing runs until `connect`. */
export function createSdkClient(options: SdkClientOptions): SdkMcpClient {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const stderr = createStderrTail();
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  let state: McpClientState = { status: "idle" };
  let serverInfo: McpServerInfo | undefined;
  let stdioTransport: ProcessTransport | undefined;
  let closing = false;
  let protocolVersion = "unknown";
  /** Why the connection was lost, when it was (the SDK fails pending requests after telling us). */
  let lostWith: string | undefined;

  const setState = (next: McpClientState) => {
    state = next;
    options.onStateChange?.(next);
  };
  /** Why the connection is gone: the exit code or signal of a stdio server, and its stderr tail. */
  const lostReason = () => {
    const exit = stdioTransport?.exit;
    const cause = exit ? describeServerExit(exit) : "the server closed the connection";
    return withStderrTail(cause, stderr.text());
  };
  client.onclose = () => {
    if (closing || state.status !== "connected") return;
    lostWith = lostReason();
    setState({ status: "failed", reason: lostWith });
  };
  // Over HTTP a dead server is only noticed as a broken SSE stream the SDK fails to resume; once it
  // gives up, the connection is closed so every pending request fails now instead of at its timeout.
  client.onerror = (error) => {
    if (closing || state.status !== "connected" || !error.message.startsWith("Maximum reconnection attempts"))
      return;
    lostWith = `the server stopped answering (${error.message})`;
    setState({ status: "failed", reason: lostWith });
    void client.close();
  };
  client.fallbackNotificationHandler = async (notification) => {
    const params = notification.params as Record<string, unknown> | undefined;
    options.onNotification?.({ method: notification.method, ...(params ? { params } : {}) });
  };

  const buildTransport = (): Transport => {
    const config = options.transport;
    if (config.type === "http") {
      return new StreamableHTTPClientTransport(config.url, {
        reconnectionOptions: HTTP_RECONNECTION,
        ...(config.headers ? { requestInit: { headers: config.headers } } : {}),
      });
    }
    stdioTransport = createProcessTransport(config.server, {
      onStderr: (text) => stderr.append(text),
      ...(options.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: options.shutdownGraceMs }),
    });
    return stdioTransport;
  };

  /** Maps whatever the SDK rejected with onto our McpError kinds. */
  const toMcpError = (error: unknown, method: string, callOptions: McpCallOptions = {}): McpError => {
    if (error instanceof McpError) return error;
    if (callOptions.signal?.aborted) return new McpError("aborted", `${method} was aborted`);
    const exit = stdioTransport?.exit;
    // A lost connection beats a close that followed it (a hub closes a crashed client at once).
    if (lostWith !== undefined && error instanceof SdkMcpError && error.code === ErrorCode.ConnectionClosed) {
      const details = {
        stderrTail: stderr.text(),
        ...(exit ? { exitCode: exit.code, signal: exit.signal } : {}),
      };
      return new McpError("server_exited", lostWith, details);
    }
    if (closing) return new McpError("closed", "the client was closed");
    if (error instanceof SdkMcpError) {
      if (error.code === ErrorCode.RequestTimeout) {
        return new McpError(
          "timeout",
          `${method} timed out after ${callOptions.timeoutMs ?? requestTimeoutMs} ms`,
        );
      }
      if (error.code === ErrorCode.ConnectionClosed) {
        const reason = state.status === "failed" ? state.reason : lostReason();
        return new McpError("server_exited", reason, { stderrTail: stderr.text() });
      }
      return new McpError("remote", `server error ${error.code}: ${error.message}`, { code: error.code });
    }
    // HTTP: a server that went away shows as a failed fetch or a broken stream.
    const reason = `${method} failed: ${error instanceof Error ? error.message : String(error)}`;
    if (state.status === "connected") setState({ status: "failed", reason });
    return new McpError("server_exited", reason);
  };

  const ensureConnected = (method: string) => {
    if (state.status === "connected") return;
    const reason = state.status === "failed" ? state.reason : state.status;
    throw new McpError("not_connected", `cannot send ${method}: the client is ${reason}`);
  };

  const requestOptions = (callOptions: McpCallOptions = {}) => ({
    timeout: callOptions.timeoutMs ?? requestTimeoutMs,
    ...(callOptions.signal ? { signal: callOptions.signal } : {}),
  });

  return {
    get state() {
      return state;
    },
    get serverInfo() {
      return serverInfo;
    },
    get stderrTail() {
      return stderr.text();
    },
    get pid() {
      return stdioTransport?.pid;
    },
    async connect() {
      if (state.status !== "idle")
        throw new McpError("protocol", `connect called twice (state: ${state.status})`);
      setState({ status: "connecting" });
      const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
      try {
        const transport = buildTransport();
        // The SDK hands the negotiated version to the transport only; keep a copy for serverInfo.
        const setVersion = transport.setProtocolVersion?.bind(transport);
        transport.setProtocolVersion = (version) => {
          protocolVersion = version;
          setVersion?.(version);
        };
        await client.connect(transport, { timeout: timeoutMs });
        serverInfo = toServerInfo({
          protocolVersion,
          capabilities: client.getServerCapabilities() ?? {},
          serverInfo: client.getServerVersion(),
          ...(client.getInstructions() ? { instructions: client.getInstructions() } : {}),
        });
      } catch (error) {
        const timedOut = error instanceof SdkMcpError && error.code === ErrorCode.RequestTimeout;
        const exit = stdioTransport?.exit;
        const cause = timedOut
          ? `no answer to initialize within ${timeoutMs} ms`
          : exit
            ? describeServerExit(exit)
            : String((error as Error).message);
        const reason = withStderrTail(cause, stderr.text());
        closing = true; // closing the half-open client must not overwrite this reason
        setState({ status: "failed", reason });
        await client.close().catch(() => {});
        throw new McpError("connect_failed", reason, { stderrTail: stderr.text() });
      }
      setState({ status: "connected" });
    },
    async listTools(callOptions) {
      ensureConnected("tools/list");
      const tools: McpTool[] = [];
      const seenCursors = new Set<string>();
      let cursor: string | undefined;
      do {
        const params = cursor === undefined ? {} : { cursor };
        const raw = await client.listTools(params, requestOptions(callOptions)).catch((error: unknown) => {
          throw toMcpError(error, "tools/list", callOptions);
        });
        const page = toToolPage(raw);
        tools.push(...page.tools);
        cursor = page.nextCursor;
        if (cursor !== undefined && seenCursors.has(cursor))
          throw new McpError("protocol", `tools/list repeated cursor ${cursor}`);
        if (cursor !== undefined) seenCursors.add(cursor);
      } while (cursor !== undefined);
      return tools;
    },
    async callTool(name, args, callOptions) {
      ensureConnected("tools/call");
      const raw = await client
        .callTool({ name, arguments: args }, undefined, requestOptions(callOptions))
        .catch((error: unknown) => {
          throw toMcpError(error, "tools/call", callOptions);
        });
      return toCallResult(raw);
    },
    async close() {
      if (state.status === "closed") return;
      closing = true;
      setState({ status: "closed" });
      await client.close().catch(() => {});
    },
  };
}
