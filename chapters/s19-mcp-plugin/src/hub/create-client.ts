// The hub's default client factory: the official SDK client for both transports. A stdio server gets only
// the inherited basics plus its own `env` (the user's API key never reaches a server).
import type { McpServerConfig } from "../config/server-config.ts";
import type { McpClientOptions } from "../mcp/mcp-client.ts";
import { createSdkClient, type SdkMcpClient } from "../mcp/sdk-client.ts";
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
  if (config.type === "http") {
    return createSdkClient({
      ...options,
      transport: { type: "http", url: new URL(config.url), headers: config.headers },
    });
  }
  return createSdkClient({
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
  });
}
