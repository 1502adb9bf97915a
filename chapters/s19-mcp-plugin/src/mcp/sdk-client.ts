// The same McpClient interface on the official @modelcontextprotocol/sdk, over stdio or Streamable HTTP:
// what `lcc` uses. The SDK does the wire; this file maps its errors and lifecycle onto ours.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
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
import type { StdioServerCommand } from "./server-process.ts";
import { createStderrTail } from "./stderr-tail.ts";

/** Where the server is: a process to spawn, or a Streamable HTTP endpoint. */
export type SdkTransportConfig =
  | { type: "stdio"; server: StdioServerCommand }
  | { type: "http"; url: URL; headers?: Record<string, string> };

export interface SdkClientOptions extends McpClientOptions {
  transport: SdkTransportConfig;
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

/**
 * Waits until a stdio server is gone. The SDK's own close (stdin, SIGTERM and SIGKILL, 2 s apart) may
 * already be running without us awaiting it (it starts one itself when `initialize` fails).
 */
async function waitForProcessExit(pid: number | undefined, graceMs = 4_500): Promise<void> {
  const isAlive = () => {
    try {
      return pid !== undefined && process.kill(pid, 0);
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + graceMs;
  while (isAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (isAlive() && pid !== undefined) process.kill(pid, "SIGKILL");
}

/** Creates the client; nothing runs until `connect`. */
export function createSdkClient(options: SdkClientOptions): SdkMcpClient {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const stderr = createStderrTail();
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  let state: McpClientState = { status: "idle" };
  let serverInfo: McpServerInfo | undefined;
  let stdioTransport: StdioClientTransport | undefined;
  let closing = false;
  let protocolVersion = "unknown";
  let serverPid: number | undefined; // kept after close, when the SDK forgets it

  const lostReason = () => withStderrTail("the server closed the connection", stderr.text());
  client.onclose = () => {
    if (!closing && state.status === "connected") state = { status: "failed", reason: lostReason() };
  };
  // Over HTTP a dead server is only noticed as a broken SSE stream the SDK fails to resume; once it
  // gives up, the connection is closed so every pending request fails now instead of at its timeout.
  client.onerror = (error) => {
    if (closing || state.status !== "connected" || !error.message.startsWith("Maximum reconnection attempts"))
      return;
    state = { status: "failed", reason: `the server stopped answering (${error.message})` };
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
    const { command, args, env, cwd } = config.server;
    stdioTransport = new StdioClientTransport({
      command,
      args: args ?? [],
      stderr: "pipe",
      ...(env ? { env } : {}),
      ...(cwd ? { cwd } : {}),
    });
    stdioTransport.stderr?.on("data", (chunk: Buffer) => stderr.append(chunk.toString("utf8")));
    // The SDK forgets the pid as soon as it starts closing; keep it to make sure the process is gone.
    const transport = stdioTransport;
    const start = transport.start.bind(transport);
    transport.start = async () => {
      await start();
      serverPid = transport.pid ?? undefined;
    };
    return transport;
  };

  /** Maps whatever the SDK rejected with onto our McpError kinds. */
  const toMcpError = (error: unknown, method: string, callOptions: McpCallOptions = {}): McpError => {
    if (error instanceof McpError) return error;
    if (callOptions.signal?.aborted) return new McpError("aborted", `${method} was aborted`);
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
    if (state.status === "connected") state = { status: "failed", reason };
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
      return stdioTransport?.pid ?? serverPid;
    },
    async connect() {
      if (state.status !== "idle")
        throw new McpError("protocol", `connect called twice (state: ${state.status})`);
      state = { status: "connecting" };
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
        const cause = timedOut
          ? `no answer to initialize within ${timeoutMs} ms`
          : String((error as Error).message);
        const reason = withStderrTail(cause, stderr.text());
        closing = true; // closing the half-open client must not overwrite this reason
        state = { status: "failed", reason };
        await client.close().catch(() => {});
        await waitForProcessExit(serverPid);
        throw new McpError("connect_failed", reason, { stderrTail: stderr.text() });
      }
      state = { status: "connected" };
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
      state = { status: "closed" };
      await client.close().catch(() => {});
      await waitForProcessExit(serverPid);
    },
  };
}
