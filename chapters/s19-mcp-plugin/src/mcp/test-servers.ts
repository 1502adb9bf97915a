// Test helpers: how to start the reference servers (server-everything over stdio and over Streamable HTTP
// on a free loopback port, server-filesystem, server-memory) and the fixtures (silent, scripted).
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { referenceServerFolder } from "../reference-servers.ts";
import { isMcpError, type McpError } from "./mcp-error.ts";
import { buildServerEnvironment } from "./server-environment.ts";
import type { StdioServerCommand } from "./server-process.ts";

/** The `dist/index.js` of an installed reference server package. */
function serverEntry(packageName: string): string {
  return join(referenceServerFolder(packageName), "dist", "index.js");
}
const everythingEntry = serverEntry("@modelcontextprotocol/server-everything");

/** server-everything over stdio, started with node and an argument array. */
export function everythingStdioCommand(): StdioServerCommand {
  return { command: process.execPath, args: [everythingEntry, "stdio"], env: buildServerEnvironment() };
}

/** server-filesystem allowed to read and write `folder` only. */
export function filesystemCommand(folder: string): StdioServerCommand {
  const entry = serverEntry("@modelcontextprotocol/server-filesystem");
  return { command: process.execPath, args: [entry, folder], env: buildServerEnvironment() };
}

/** server-memory keeping its knowledge graph in `memoryFile` (never in its own package folder). */
export function memoryCommand(memoryFile: string): StdioServerCommand {
  const entry = serverEntry("@modelcontextprotocol/server-memory");
  return {
    command: process.execPath,
    args: [entry],
    env: buildServerEnvironment({ MEMORY_FILE_PATH: memoryFile }),
  };
}

/** The path of the scripted fixture (fixtures/scripted-mcp-server.mjs). */
export const SCRIPTED_SERVER_SCRIPT = fileURLToPath(
  new URL("./fixtures/scripted-mcp-server.mjs", import.meta.url),
);

/** The scripted fixture; `env` sets its knobs (SCRIPTED_EXIT_AT_START, SCRIPTED_INITIALIZE_DELAY_MS…). */
export function scriptedServerCommand(env: Record<string, string> = {}): StdioServerCommand {
  return { command: process.execPath, args: [SCRIPTED_SERVER_SCRIPT], env: buildServerEnvironment(env) };
}

/** The McpError a promise rejects with; throws when it resolves or rejects with anything else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<McpError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isMcpError(error)) throw new Error(`expected an McpError, got ${String(error)}`);
  return error;
}

/** Resolves after `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The fixture that reads stdin and never answers. */
export function silentServerCommand(): StdioServerCommand {
  const script = fileURLToPath(new URL("./fixtures/silent-mcp-server.mjs", import.meta.url));
  return { command: process.execPath, args: [script], env: buildServerEnvironment() };
}

/** True while a process with this id exists. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** server-everything in Streamable HTTP mode on a free port; resolves once it listens. */
export async function startEverythingHttp(): Promise<{ url: URL; pid: number; kill(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [everythingEntry, "streamableHttp"], {
    env: buildServerEnvironment({ PORT: String(port) }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let stderr = "";
    // Generous: on a loaded 2-core machine it once took more than 10 s to listen.
    const timer = setTimeout(() => reject(new Error(`server-everything did not listen: ${stderr}`)), 25_000);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      stderr += text;
      if (stderr.includes("listening on port")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", () => reject(new Error(`server-everything exited: ${stderr}`)));
  });
  return {
    url: new URL(`http://127.0.0.1:${port}/mcp`),
    pid: child.pid ?? 0,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}
