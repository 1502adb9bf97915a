// One configured MCP server inside the hub: its state machine (pending-approval, connecting, connected,
// failed with a reason, disabled), its client, its tool list, and its restart after a crash, on the next
// call, once the backoff (1 s, 2 s, 4 s … 30 s after failures in a row) has passed.
import { resolve } from "node:path";
import type { ConfiguredServer, McpServerConfig } from "../config/server-config.ts";
import type {
  McpCallResult,
  McpClient,
  McpClientOptions,
  McpClientState,
  McpNotification,
  McpServerInfo,
  McpTool,
} from "../mcp/mcp-client.ts";
import { isMcpError, McpError } from "../mcp/mcp-error.ts";
import { restartDelayMs } from "./hub-timing.ts";
import type { McpServerStatus, McpServerView } from "./server-view.ts";

/** Makes a client for a server; the hub's default is the SDK client (create-client.ts). */
export type McpClientFactory = (config: McpServerConfig, options: McpClientOptions) => McpClient;

/** Per-call options of the hub: the signal ends the call (or the wait for a connect). */
export interface HubCallOptions {
  signal?: AbortSignal;
  /** Default: the hub's toolTimeoutMs. */
  timeoutMs?: number;
}

export interface ServerConnectionOptions {
  server: ConfiguredServer;
  createClient: McpClientFactory;
  connectTimeoutMs: number;
  toolTimeoutMs: number;
  /** cwd of a stdio server whose config has none; a relative cwd is resolved against it. */
  workspace: string;
  now: () => number;
  /** Called with the new view after every change; must not throw. */
  onChange(view: McpServerView): void;
}

export interface ServerConnection {
  view(): McpServerView;
  /** Connects unless connected, connecting or failed after a start; resolves when settled, never rejects. */
  start(): Promise<void>;
  /** The connect in flight, if any. */
  connecting(): Promise<void> | undefined;
  /** Rejects with McpError only (the server's name and what happened in the message). */
  callTool(tool: string, args: Record<string, unknown>, options: HubCallOptions): Promise<McpCallResult>;
  /** Drops the current connection and connects again now, whatever the backoff; never rejects. */
  reconnect(): Promise<void>;
  setStatus(status: "disabled" | "pending-approval"): void;
  /** Closes the client; resolves once its process is gone. No change is reported afterwards. */
  close(): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Rejects with an `aborted` McpError as soon as `signal` aborts; `promise` itself runs on. */
function unlessAborted<Value>(promise: Promise<Value>, signal: AbortSignal | undefined): Promise<Value> {
  if (!signal) return promise;
  return new Promise<Value>((resolvePromise, reject) => {
    const onAbort = () => reject(new McpError("aborted", "the call was aborted"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolvePromise, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The server's config with a stdio cwd made absolute (default: the workspace). */
function withCwd(config: McpServerConfig, workspace: string): McpServerConfig {
  return config.type === "stdio" ? { ...config, cwd: resolve(workspace, config.cwd ?? ".") } : config;
}

/**
 * Creates the connection; nothing starts until `start`, `callTool` or `reconnect`. A server with a config
 * `problem` is failed with that reason for good; a workspace server begins as pending-approval; any other
 * begins as connecting (the hub's owner is expected to start it right away).
 */
export function createServerConnection(options: ServerConnectionOptions): ServerConnection {
  const { server, now } = options;
  const name = server.name;
  let status: McpServerStatus = server.problem
    ? "failed"
    : server.fromWorkspace
      ? "pending-approval"
      : "connecting";
  let reason: string | undefined = server.problem;
  let tools: McpTool[] = [];
  let serverInfo: McpServerInfo | undefined;
  let restarts = 0;
  let failuresInARow = 0;
  let nextRetryAt: number | undefined;
  let started = false;
  let closed = false;
  let current: McpClient | undefined;
  let inFlight: { client: McpClient; done: Promise<void> } | undefined;
  const closing = new Set<Promise<void>>();

  const view = (): McpServerView => ({
    name,
    scope: server.scope,
    source: server.source,
    transport: server.config?.type ?? "stdio",
    status,
    ...(reason === undefined ? {} : { reason }),
    tools: [...tools],
    ...(serverInfo === undefined ? {} : { serverInfo }),
    restarts,
    ...(nextRetryAt === undefined ? {} : { nextRetryAt }),
  });
  const changed = () => {
    if (!closed) options.onChange(view());
  };

  /** Lets go of the current client (its process is stopped in the background; `close` waits for it). */
  const dropClient = () => {
    const client = current;
    current = undefined;
    inFlight = undefined;
    if (!client) return;
    const done = client.close().catch(() => {});
    closing.add(done);
    void done.finally(() => closing.delete(done));
  };

  const fail = (why: string) => {
    dropClient();
    failuresInARow += 1;
    status = "failed";
    reason = why;
    nextRetryAt = now() + restartDelayMs(failuresInARow);
    changed();
  };

  const refreshTools = (client: McpClient) => {
    client.listTools({ timeoutMs: options.connectTimeoutMs }).then(
      (listed) => {
        if (client !== current || status !== "connected") return;
        tools = listed;
        changed();
      },
      () => {}, // a failed refresh keeps the old list; a dead server is reported by onStateChange
    );
  };

  const connect = (): Promise<void> => {
    const config = server.config;
    if (closed || !config) return Promise.resolve();
    if (inFlight && inFlight.client === current) return inFlight.done;
    dropClient();
    started = true;
    let client: McpClient;
    try {
      client = options.createClient(withCwd(config, options.workspace), {
        connectTimeoutMs: options.connectTimeoutMs,
        requestTimeoutMs: options.toolTimeoutMs,
        onNotification: (notification: McpNotification) => {
          if (notification.method === "notifications/tools/list_changed" && client === current)
            refreshTools(client);
        },
        onStateChange: (state: McpClientState) => {
          // A crash while idle: reported at once. Failures while connecting are handled below.
          if (client === current && status === "connected" && state.status === "failed") fail(state.reason);
        },
      });
    } catch (error) {
      fail(`could not create the client: ${messageOf(error)}`);
      return Promise.resolve();
    }
    current = client;
    status = "connecting";
    reason = undefined;
    nextRetryAt = undefined;
    changed();
    const done = (async () => {
      try {
        await client.connect();
        const listed = await client.listTools({ timeoutMs: options.connectTimeoutMs });
        if (client !== current) return; // disabled, reconnected or closed meanwhile
        tools = listed;
        serverInfo = client.serverInfo;
        status = "connected";
        changed();
      } catch (error) {
        if (client === current) fail(messageOf(error));
      } finally {
        if (inFlight?.client === client) inFlight = undefined;
      }
    })();
    inFlight = { client, done };
    return done;
  };

  const ensureConnected = async (signal: AbortSignal | undefined): Promise<McpClient> => {
    if (closed) throw new McpError("closed", `MCP server ${name} is shut down (the session is closing)`);
    if (status === "disabled") throw new McpError("not_connected", `MCP server ${name} is disabled`);
    if (status === "pending-approval")
      throw new McpError("not_connected", `MCP server ${name} has not been approved (/mcp enable ${name})`);
    if (!server.config) throw new McpError("connect_failed", `MCP server ${name} cannot start: ${reason}`);
    if (!current) {
      const waitMs = (nextRetryAt ?? 0) - now();
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1_000);
        throw new McpError(
          "not_connected",
          `MCP server ${name} is down (${reason}); a call restarts it in ${seconds} s at the earliest`,
          { retryInMs: waitMs },
        );
      }
      if (started) restarts += 1;
      void connect();
    }
    if (inFlight) await unlessAborted(inFlight.done, signal);
    if (status !== "connected" || !current) {
      throw new McpError("connect_failed", `MCP server ${name} could not be started: ${reason}`, {
        retryInMs: Math.max(0, (nextRetryAt ?? 0) - now()),
      });
    }
    return current;
  };

  return {
    view,
    connecting: () => inFlight?.done,
    start() {
      if (closed) return Promise.resolve();
      if (!server.config) {
        if (!started) changed(); // the config problem is reported once, as this server's start
        started = true;
        return Promise.resolve();
      }
      if (current) return inFlight?.done ?? Promise.resolve(); // connecting or connected
      if (status === "failed" && started) return Promise.resolve(); // a call or reconnect restarts it
      return connect();
    },
    async callTool(tool, args, callOptions) {
      const client = await ensureConnected(callOptions.signal);
      try {
        const result = await client.callTool(tool, args, {
          timeoutMs: callOptions.timeoutMs ?? options.toolTimeoutMs,
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        });
        failuresInARow = 0;
        return result;
      } catch (error) {
        if (!isMcpError(error)) throw new McpError("protocol", `${tool} failed: ${messageOf(error)}`);
        if (error.kind !== "server_exited") throw error;
        if (client === current) fail(error.message); // not yet reported through onStateChange
        throw new McpError("server_exited", `MCP server ${name} crashed (${reason ?? error.message})`, {
          ...error.details,
          retryInMs: Math.max(0, (nextRetryAt ?? 0) - now()),
        });
      }
    },
    async reconnect() {
      if (closed || !server.config) return;
      if (started) restarts += 1;
      failuresInARow = 0;
      dropClient();
      await connect();
    },
    setStatus(next) {
      if (closed) return;
      dropClient();
      status = next;
      reason = undefined;
      nextRetryAt = undefined;
      changed();
    },
    async close() {
      closed = true;
      dropClient();
      await Promise.all([...closing]);
    },
  };
}
