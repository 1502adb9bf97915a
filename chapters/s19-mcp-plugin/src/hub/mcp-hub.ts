// The MCP hub: every configured server by name, started in parallel, watched (crash, tool list changes),
// restarted on the next call after a crash, and all shut down by `close`. The agent lists and calls tools
// through it; /mcp reads its views.
import type { ConfiguredServer } from "../config/server-config.ts";
import type { McpCallResult } from "../mcp/mcp-client.ts";
import { McpError } from "../mcp/mcp-error.ts";
import { createDefaultMcpClient } from "./create-client.ts";
import {
  DEFAULT_MCP_CONNECT_TIMEOUT_MS,
  DEFAULT_MCP_TOOL_TIMEOUT_MS,
  timeoutFromEnvironment,
} from "./hub-timing.ts";
import {
  createServerConnection,
  type HubCallOptions,
  type McpClientFactory,
  type ServerConnection,
} from "./server-connection.ts";
import type { McpServerView } from "./server-view.ts";

export type { HubCallOptions, McpClientFactory } from "./server-connection.ts";
export type { McpServerStatus, McpServerView } from "./server-view.ts";

export interface McpHub {
  /** Every configured server, in config order; copies. */
  servers(): McpServerView[];
  /**
   * Starts servers in parallel, not awaited. Without names: every server not pending approval and not
   * disabled. With names: those servers whatever their status (the caller approved or enabled them); unknown
   * names are ignored. Idempotent: a connecting or connected server, or one failed since it started, is left
   * alone (a call or `reconnect` restarts a failed one).
   */
  start(names?: readonly string[]): void;
  /** Resolves when every connect in flight has ended (connected or failed), or after `waitMs`. Never rejects. */
  settled(waitMs: number): Promise<void>;
  /**
   * Calls a tool. A failed server is restarted here once its backoff (1 s, 2 s, 4 s … 30 s) has passed;
   * before that the call fails with an McpError that says when. A crash mid-call rejects at once
   * (`server_exited`). Rejects with McpError only; `retryInMs` in its details when a restart is due.
   */
  callTool(
    server: string,
    tool: string,
    args: Record<string, unknown>,
    options?: HubCallOptions,
  ): Promise<McpCallResult>;
  /** Drops the server's connection and connects again now (/mcp reconnect). Rejects only for an unknown name. */
  reconnect(server: string): Promise<void>;
  /** Stops the server (its process ends in the background) and sets the status; unknown names are ignored. */
  setStatus(server: string, status: "disabled" | "pending-approval"): void;
  /** Called with a server's new view after each change; returns the unsubscribe function. */
  onChange(listener: (view: McpServerView) => void): () => void;
  /** Shuts every server down; resolves once every server process is gone. Calls afterwards fail (`closed`). */
  close(): Promise<void>;
}

export interface McpHubOptions {
  servers: readonly ConfiguredServer[];
  /** Default: the SDK client for stdio and Streamable HTTP (create-client.ts). */
  createClient?: McpClientFactory;
  /** initialize + tools/list; default `MCP_TIMEOUT` (ms) or 30 s. */
  connectTimeoutMs?: number;
  /** A tool call's timeout unless the call sets one; default `MCP_TOOL_TIMEOUT` (ms) or 10 minutes. */
  toolTimeoutMs?: number;
  /** cwd of stdio servers without one (relative ones are resolved against it). */
  workspace: string;
  /** The clock of the restart backoff (default Date.now); tests move it. */
  now?: () => number;
  /** Where MCP_TIMEOUT and MCP_TOOL_TIMEOUT are read (default process.env). */
  env?: Record<string, string | undefined>;
}

/** Creates the hub; nothing starts until `start` (or a call). Servers with a duplicate name: the first wins. */
export function createMcpHub(options: McpHubOptions): McpHub {
  const env = options.env ?? process.env;
  const listeners = new Set<(view: McpServerView) => void>();
  const connections = new Map<string, ServerConnection>();
  let closed = false;
  for (const server of options.servers) {
    if (connections.has(server.name)) continue;
    connections.set(
      server.name,
      createServerConnection({
        server,
        createClient: options.createClient ?? createDefaultMcpClient,
        connectTimeoutMs:
          options.connectTimeoutMs ?? timeoutFromEnvironment(env.MCP_TIMEOUT, DEFAULT_MCP_CONNECT_TIMEOUT_MS),
        toolTimeoutMs:
          options.toolTimeoutMs ?? timeoutFromEnvironment(env.MCP_TOOL_TIMEOUT, DEFAULT_MCP_TOOL_TIMEOUT_MS),
        workspace: options.workspace,
        now: options.now ?? Date.now,
        onChange: (view) => {
          for (const listener of [...listeners]) {
            try {
              listener(view);
            } catch {
              // A listener's bug must not break the server's state machine.
            }
          }
        },
      }),
    );
  }

  const find = (name: string): ServerConnection => {
    const connection = connections.get(name);
    if (!connection) throw new McpError("not_connected", `no MCP server named "${name}" is configured`);
    return connection;
  };

  return {
    servers: () => [...connections.values()].map((connection) => connection.view()),
    start(names) {
      if (closed) return;
      const chosen =
        names === undefined
          ? [...connections.values()].filter((connection) => {
              const { status } = connection.view();
              return status !== "pending-approval" && status !== "disabled";
            })
          : names.flatMap((name) => connections.get(name) ?? []);
      for (const connection of chosen) void connection.start();
    },
    async settled(waitMs) {
      const inFlight = [...connections.values()].flatMap((connection) => connection.connecting() ?? []);
      if (inFlight.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
      });
      await Promise.race([Promise.all(inFlight).then(() => {}), timeout]);
      clearTimeout(timer);
    },
    async callTool(server, tool, args, callOptions = {}) {
      if (closed) throw new McpError("closed", "the MCP hub is closed (the session is ending)");
      return find(server).callTool(tool, args, callOptions);
    },
    async reconnect(server) {
      await find(server).reconnect();
    },
    setStatus(server, status) {
      connections.get(server)?.setStatus(status);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      await Promise.all([...connections.values()].map((connection) => connection.close()));
    },
  };
}
