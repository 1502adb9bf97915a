// The SDK-backed client passes the same MCP client contract, over stdio (every server) and over Streamable
// HTTP (server-everything).
import { createServer, type Server } from "node:http";
import type { McpClientOptions } from "./mcp-client.ts";
import { describeMcpClientContract } from "./mcp-client-contract.ts";
import { createSdkClient, type SdkTransportConfig } from "./sdk-client.ts";
import {
  everythingStdioCommand,
  isProcessAlive,
  silentServerCommand,
  startEverythingHttp,
} from "./test-servers.ts";

function stdioSubject(transport: SdkTransportConfig, options: McpClientOptions) {
  const client = createSdkClient({ ...options, transport, shutdownGraceMs: 500 });
  let pid: number | undefined;
  return {
    client,
    async killServer() {
      pid = client.pid;
      if (pid !== undefined) process.kill(pid, "SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 100));
    },
    isServerGone: () => {
      const current = pid ?? client.pid;
      return current !== undefined && !isProcessAlive(current);
    },
  };
}

describeMcpClientContract("the SDK client over stdio", {
  startEverything: async (options) =>
    stdioSubject({ type: "stdio", server: everythingStdioCommand() }, options),
  startSilent: async (options) => stdioSubject({ type: "stdio", server: silentServerCommand() }, options),
  startStdio: async (server, options) => stdioSubject({ type: "stdio", server }, options),
  killedKind: "server_exited",
});

/** An HTTP endpoint that accepts requests and never answers them. */
async function startSilentHttp(): Promise<{ url: URL; server: Server }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { url: new URL(`http://127.0.0.1:${address.port}/mcp`), server };
}

describeMcpClientContract("the SDK client over Streamable HTTP", {
  startEverything: async (options) => {
    const http = await startEverythingHttp();
    return {
      client: createSdkClient({ ...options, transport: { type: "http", url: http.url } }),
      killServer: () => http.kill(),
      cleanup: () => http.kill(),
    };
  },
  startSilent: async (options) => {
    const { url, server } = await startSilentHttp();
    return {
      client: createSdkClient({ ...options, transport: { type: "http", url } }),
      killServer: async () => {},
      cleanup: async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  },
  killedKind: "server_exited",
});
