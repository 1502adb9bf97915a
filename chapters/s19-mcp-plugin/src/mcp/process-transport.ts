// The SDK's Transport over our own server process (server-process.ts) instead of the SDK's stdio transport:
// the same newline framing, plus what the SDK's leaves out: the exit code and signal of a server that died,
// its own process group (a server started through npx or a shell goes down with its children), stray lines.
import { deserializeMessage, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { createLineSplitter } from "./json-rpc-framing.ts";
import {
  type ServerExit,
  type ServerProcess,
  type StdioServerCommand,
  spawnServerProcess,
} from "./server-process.ts";

export interface ProcessTransportOptions {
  /** Everything the server writes to stderr, and stray stdout lines that are not JSON-RPC (marked). */
  onStderr(text: string): void;
  /** Grace period of each shutdown step (default 2,000 ms). */
  shutdownGraceMs?: number;
}

/** A Transport with the server's pid (kept after exit) and, once it ended, how. */
export interface ProcessTransport extends Transport {
  readonly pid: number | undefined;
  readonly exit: ServerExit | undefined;
}

/** Creates the transport; the process starts in `start` (a spawn failure arrives as `onclose` with `exit`). */
export function createProcessTransport(
  command: StdioServerCommand,
  options: ProcessTransportOptions,
): ProcessTransport {
  let server: ServerProcess | undefined;
  let exit: ServerExit | undefined;
  const lines = createLineSplitter((line) => {
    let message: JSONRPCMessage;
    try {
      message = deserializeMessage(line);
    } catch {
      // A server printing to stdout by mistake: kept for error messages, never fatal.
      options.onStderr(`[stdout, not JSON-RPC] ${line.slice(0, 200)}\n`);
      return;
    }
    transport.onmessage?.(message);
  });

  const transport: ProcessTransport = {
    get pid() {
      return server?.pid;
    },
    get exit() {
      return exit;
    },
    async start() {
      if (server) throw new Error("the process transport was already started");
      server = spawnServerProcess(command, {
        onStdout: (text) => lines.push(text),
        onStderr: (text) => options.onStderr(text),
        onExit: (how) => {
          lines.flush();
          exit = how;
          transport.onclose?.();
        },
      });
    },
    async send(message) {
      if (!server?.write(serializeMessage(message))) throw new Error("the server process is not running");
    },
    async close() {
      await server?.shutdown(options.shutdownGraceMs);
    },
  };
  return transport;
}
