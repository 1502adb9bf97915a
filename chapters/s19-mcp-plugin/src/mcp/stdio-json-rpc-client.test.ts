// The hand-written stdio client passes the MCP client contract: server-everything, server-filesystem,
// server-memory and the scripted fixture.

import type { McpClientOptions } from "./mcp-client.ts";
import { describeMcpClientContract } from "./mcp-client-contract.ts";
import type { StdioServerCommand } from "./server-process.ts";
import { createStdioJsonRpcClient } from "./stdio-json-rpc-client.ts";
import { everythingStdioCommand, isProcessAlive, silentServerCommand } from "./test-servers.ts";

function subjectFor(server: StdioServerCommand, options: McpClientOptions) {
  const client = createStdioJsonRpcClient({ ...options, server, shutdownGraceMs: 500 });
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

describeMcpClientContract("the hand-written stdio JSON-RPC client", {
  startEverything: async (options) => subjectFor(everythingStdioCommand(), options),
  startSilent: async (options) => subjectFor(silentServerCommand(), options),
  startStdio: async (server, options) => subjectFor(server, options),
  killedKind: "server_exited",
});
