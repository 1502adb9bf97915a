// Test helpers: how to start the real reference server (server-everything) over stdio and over
// Streamable HTTP on a free loopback port, and the silent fixture that never answers `initialize`.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServerEnvironment } from "./server-environment.ts";
import type { StdioServerCommand } from "./server-process.ts";

const everythingFolder = dirname(
  createRequire(import.meta.url).resolve("@modelcontextprotocol/server-everything/package.json"),
);
const everythingEntry = join(everythingFolder, "dist", "index.js");

/** server-everything over stdio, started with node and an argument array. */
export function everythingStdioCommand(): StdioServerCommand {
  return { command: process.execPath, args: [everythingEntry, "stdio"], env: buildServerEnvironment() };
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
    const timer = setTimeout(() => reject(new Error(`server-everything did not listen: ${stderr}`)), 10_000);
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
