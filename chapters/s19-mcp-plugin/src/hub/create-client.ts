// The hub's default client factory: the official SDK client for both transports. A stdio server gets only
// the inherited basics plus its own `env` (the user's API key never reaches a server). The SDK (with ajv
// and the protocol's schemas, ~290 KB) is loaded when the first client connects, not at every start.
import type { McpServerConfig } from "../config/server-config.ts";
import type { McpClientOptions, McpClientState } from "../mcp/mcp-client.ts";
import type { SdkClientOptions, SdkMcpClient } from "../mcp/sdk-client.ts";
import { buildServerEnvironment } from "../mcp/server-environment.ts";

/**
 * An SDK client for `config` (not yet connected). Stdio: `command` and `args` as given (never a shell), env
 * = `buildServerEnvironment(config.env)`, cwd = `config.cwd` (the hub resolves it against the workspace).
 * HTTP: Streamable HTTP to `url` with `headers`. Throws on a malformed URL (the hub reports it as failed).
 * `shutdownGraceMs`: each step of a stdio server's shutdown (default 2,000 ms; tests shorten it).
 */
export function createDefaultMcpClient(
  config: McpServerConfig,
  options: McpClientOptions & { shutdownGraceMs?: number },
): SdkMcpClient {
  const sdkOptions: SdkClientOptions =
    config.type === "http"
      ? { ...options, transport: { type: "http", url: new URL(config.url), headers: config.headers } }
      : {
          ...options,
          transport: {
            type: "stdio",
            server: {
              command: config.command,
              args: config.args,
              env: buildServerEnvironment(config.env),
              ...(config.cwd === undefined ? {} : { cwd: config.cwd }),
            },
          },
        };
  return loadOnFirstUse(sdkOptions);
}

const IDLE: McpClientState = { status: "idle" };

/** The SDK client behind the same interface, created once its module has loaded (first connect or call). */
function loadOnFirstUse(options: SdkClientOptions): SdkMcpClient {
  let client: SdkMcpClient | undefined;
  let loading: Promise<SdkMcpClient> | undefined;
  const load = () =>
    (loading ??= import("../mcp/sdk-client.ts").then(({ createSdkClient }) => {
      client = createSdkClient(options);
      return client;
    }));
  return {
    get state() {
      return client?.state ?? IDLE;
    },
    get serverInfo() {
      return client?.serverInfo;
    },
    get stderrTail() {
      return client?.stderrTail ?? "";
    },
    get pid() {
      return client?.pid;
    },
    connect: async () => (await load()).connect(),
    listTools: async (callOptions) => (await load()).listTools(callOptions),
    callTool: async (name, args, callOptions) => (await load()).callTool(name, args, callOptions),
    close: async () => {
      if (loading) await (await loading).close();
    },
  };
}
