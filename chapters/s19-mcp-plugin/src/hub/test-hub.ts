// Test helpers for the hub: configured servers built from the scripted fixture, and a hub on the real SDK
// client that records every client it made (their pids), every change it reported, and a clock tests move.
import { afterEach } from "vitest";
import type { ConfiguredServer, McpServerConfig } from "../config/server-config.ts";
import type { McpClientOptions } from "../mcp/mcp-client.ts";
import type { SdkMcpClient } from "../mcp/sdk-client.ts";
import { isProcessAlive, SCRIPTED_SERVER_SCRIPT } from "../mcp/test-servers.ts";
import { createDefaultMcpClient } from "./create-client.ts";
import { createMcpHub, type McpHub, type McpHubOptions, type McpServerView } from "./mcp-hub.ts";

/** A configured stdio server; `fromWorkspace` and `problem` as a config file would set them. */
export function configuredServer(
  name: string,
  config: McpServerConfig | undefined,
  extra: Partial<ConfiguredServer> = {},
): ConfiguredServer {
  return {
    name,
    scope: "user",
    source: "~/.claude.json",
    fingerprint: `fingerprint-${name}`,
    ...(config ? { config } : {}),
    ...extra,
  };
}

/** The scripted fixture as a configured server; `env` sets its knobs. */
export function scriptedServer(
  name: string,
  env: Record<string, string> = {},
  extra: Partial<ConfiguredServer> = {},
): ConfiguredServer {
  const config: McpServerConfig = {
    type: "stdio",
    command: process.execPath,
    args: [SCRIPTED_SERVER_SCRIPT],
    env,
  };
  return configuredServer(name, config, extra);
}

export interface TestHub {
  hub: McpHub;
  /** Every view the hub reported, in order. */
  changes: McpServerView[];
  /** The pids of every server process the hub started. */
  pids(): number[];
  /** The hub's clock (starts at 0; only tests move it). */
  clock: { now: number };
  view(name: string): McpServerView;
}

/** Hubs made by `setupHub` are closed after each test. */
export function useTestHubs(): (
  servers: readonly ConfiguredServer[],
  options?: Partial<McpHubOptions>,
) => TestHub {
  const hubs: McpHub[] = [];
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((hub) => hub.close()));
  });
  return (servers, options = {}) => {
    const clients: SdkMcpClient[] = [];
    const clock = { now: 0 };
    const hub = createMcpHub({
      servers,
      workspace: process.cwd(),
      env: {}, // MCP_TIMEOUT or MCP_TOOL_TIMEOUT of the machine running the tests must not count
      now: () => clock.now,
      createClient: (config, clientOptions: McpClientOptions) => {
        const client = createDefaultMcpClient(config, { ...clientOptions, shutdownGraceMs: 300 });
        clients.push(client);
        return client;
      },
      ...options,
    });
    hubs.push(hub);
    const changes: McpServerView[] = [];
    hub.onChange((view) => changes.push(view));
    return {
      hub,
      changes,
      clock,
      pids: () => clients.flatMap((client) => (client.pid === undefined ? [] : [client.pid])),
      view(name) {
        const found = hub.servers().find((view) => view.name === name);
        if (!found) throw new Error(`no server ${name}`);
        return found;
      },
    };
  };
}

/** The pids among `pids` whose process still exists. */
export function alivePids(pids: readonly number[]): number[] {
  return pids.filter(isProcessAlive);
}

/** Polls `condition` every 20 ms for up to `withinMs`; false when it never held. */
export async function eventually(condition: () => boolean, withinMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}
