// The hand-written MCP client over stdio (the lesson): spawn the server, frame JSON-RPC by lines, match
// responses to pending requests by id, answer the server's pings, pass its logs on, and fail every
// pending request with the exit code and stderr tail when the server dies.

import { createLineSplitter, encodeMessage } from "./json-rpc-framing.ts";
import { type IncomingMessage, type JsonRpcId, parseIncomingMessage } from "./json-rpc-message.ts";
import {
  CLIENT_INFO,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type McpCallOptions,
  type McpCallResult,
  type McpClient,
  type McpClientOptions,
  type McpClientState,
  type McpServerInfo,
  type McpTool,
} from "./mcp-client.ts";
import { McpError, withStderrTail } from "./mcp-error.ts";
import { toCallResult, toServerInfo, toToolPage } from "./mcp-results.ts";
import { createPendingRequests } from "./pending-requests.ts";
import {
  describeServerExit,
  type ServerExit,
  type ServerProcess,
  type StdioServerCommand,
  spawnServerProcess,
} from "./server-process.ts";
import { createStderrTail } from "./stderr-tail.ts";

/** The protocol version this client asks for in `initialize`. */
export const PROTOCOL_VERSION = "2025-06-18";

export interface StdioJsonRpcClientOptions extends McpClientOptions {
  server: StdioServerCommand;
  /** Grace period of each shutdown step (default 2,000 ms). */
  shutdownGraceMs?: number;
}

/** A stdio MCP client with `pid` (the server's process id, once spawned) for tests and `/mcp`. */
export interface StdioJsonRpcClient extends McpClient {
  readonly pid: number | undefined;
}

/** Creates the client; nothing runs until `connect`. */
export function createStdioJsonRpcClient(options: StdioJsonRpcClientOptions): StdioJsonRpcClient {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const stderr = createStderrTail();
  const pending = createPendingRequests();
  let state: McpClientState = { status: "idle" };
  let serverInfo: McpServerInfo | undefined;
  let server: ServerProcess | undefined;
  let closing = false;
  let nextId = 1;

  const send = (message: object) => server?.write(encodeMessage({ jsonrpc: "2.0", ...message })) ?? false;

  const setState = (next: McpClientState) => {
    state = next;
    options.onStateChange?.(next);
  };
  const fail = (reason: string) => {
    if (state.status !== "closed" && state.status !== "failed") setState({ status: "failed", reason });
  };

  const handleMessage = (message: IncomingMessage) => {
    switch (message.kind) {
      case "response":
        pending.resolve(message.id, message.result);
        return;
      case "error_response":
        if (message.id !== null) {
          const { code, message: text } = message.error;
          pending.reject(message.id, new McpError("remote", `server error ${code}: ${text}`, { code }));
        }
        return;
      case "request":
        // We offer no client capabilities, so only `ping` has an answer; anything else is refused.
        if (message.method === "ping") send({ id: message.id, result: {} });
        else
          send({
            id: message.id,
            error: { code: -32601, message: `method not supported: ${message.method}` },
          });
        return;
      case "notification":
        options.onNotification?.({
          method: message.method,
          ...(message.params ? { params: message.params } : {}),
        });
        return;
      case "invalid":
        // A stray line on stdout (a server printing there by mistake) is kept like stderr, not fatal.
        stderr.append(`[stdout, ${message.reason}] ${message.line.slice(0, 200)}\n`);
        return;
    }
  };
  const lines = createLineSplitter((line) => handleMessage(parseIncomingMessage(line)));

  const handleExit = (exit: ServerExit) => {
    lines.flush();
    const reason = withStderrTail(describeServerExit(exit), stderr.text());
    if (closing) {
      pending.rejectAll(new McpError("closed", "the client was closed"));
      return;
    }
    // Pending requests fail first: whoever watches the state may close the client at once.
    pending.rejectAll(
      new McpError("server_exited", reason, {
        exitCode: exit.code,
        signal: exit.signal,
        stderrTail: stderr.text(),
      }),
    );
    fail(reason);
  };

  const request = (method: string, params: object, callOptions: McpCallOptions = {}): Promise<unknown> => {
    if (state.status !== "connected" && !(state.status === "connecting" && method === "initialize")) {
      const reason = state.status === "failed" ? state.reason : state.status;
      return Promise.reject(new McpError("not_connected", `cannot send ${method}: the client is ${reason}`));
    }
    const id: JsonRpcId = nextId++;
    const result = pending.track(id, {
      method,
      timeoutMs: callOptions.timeoutMs ?? requestTimeoutMs,
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
      onGiveUp: (reason) => send({ method: "notifications/cancelled", params: { requestId: id, reason } }),
    });
    send({ id, method, params });
    return result;
  };

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
      return server?.pid;
    },
    async connect() {
      if (state.status !== "idle")
        throw new McpError("protocol", `connect called twice (state: ${state.status})`);
      setState({ status: "connecting" });
      server = spawnServerProcess(options.server, {
        onStdout: (text) => lines.push(text),
        onStderr: (text) => stderr.append(text),
        onExit: handleExit,
      });
      const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
      try {
        const result = await request(
          "initialize",
          { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: CLIENT_INFO },
          { timeoutMs },
        );
        serverInfo = toServerInfo(result);
      } catch (error) {
        const cause =
          error instanceof McpError && error.kind === "timeout"
            ? `no answer to initialize within ${timeoutMs} ms`
            : String((error as Error).message);
        const reason = withStderrTail(
          cause,
          error instanceof McpError && error.kind === "server_exited" ? "" : stderr.text(),
        );
        closing = true; // the shutdown below must not replace this reason with "killed by SIGTERM"
        fail(reason);
        await server.shutdown(options.shutdownGraceMs);
        throw new McpError("connect_failed", reason, { stderrTail: stderr.text() });
      }
      setState({ status: "connected" });
      send({ method: "notifications/initialized" });
    },
    async listTools(callOptions) {
      const tools: McpTool[] = [];
      const seenCursors = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = toToolPage(
          await request("tools/list", cursor === undefined ? {} : { cursor }, callOptions),
        );
        tools.push(...page.tools);
        cursor = page.nextCursor;
        if (cursor !== undefined && seenCursors.has(cursor))
          throw new McpError("protocol", `tools/list repeated cursor ${cursor}`);
        if (cursor !== undefined) seenCursors.add(cursor);
      } while (cursor !== undefined);
      return tools;
    },
    async callTool(name, args, callOptions): Promise<McpCallResult> {
      return toCallResult(await request("tools/call", { name, arguments: args }, callOptions));
    },
    async close() {
      if (state.status === "closed") return;
      closing = true;
      setState({ status: "closed" });
      pending.rejectAll(new McpError("closed", "the client was closed"));
      await server?.shutdown(options.shutdownGraceMs);
    },
  };
}
