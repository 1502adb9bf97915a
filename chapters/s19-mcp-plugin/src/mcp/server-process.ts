// An MCP server as a child process: spawned from an argument array (never a shell), in its own process
// group, and shut down politely: stdin closed, then SIGTERM after a grace period, then SIGKILL.
import { spawn } from "node:child_process";

/** How to start a stdio server, as `.mcp.json` names it. */
export interface StdioServerCommand {
  command: string;
  args?: string[];
  /** The full environment of the server (see `buildServerEnvironment`). */
  env?: Record<string, string>;
  cwd?: string;
}

/** How the process ended: an exit code, a signal, or a spawn error such as ENOENT. */
export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  spawnError?: string;
}

export interface ServerProcessHandlers {
  onStdout(text: string): void;
  onStderr(text: string): void;
  /** Called once, when the process has exited or could not start. */
  onExit(exit: ServerExit): void;
}

export interface ServerProcess {
  readonly pid: number | undefined;
  /** Writes one framed message; false when stdin is already closed. */
  write(text: string): boolean;
  /** Resolves once the process is gone; each step waits up to `graceMs` (default 2,000 ms). */
  shutdown(graceMs?: number): Promise<void>;
}

/** How long an exited server's stdout and stderr may take to drain before the exit is reported anyway. */
const STREAM_DRAIN_GRACE_MS = 250;

/** How the process ended, for a human: "server exited with code 1", "server was killed by SIGKILL". */
export function describeServerExit(exit: ServerExit): string {
  if (exit.spawnError !== undefined) return `server could not start: ${exit.spawnError}`;
  return exit.signal === null
    ? `server exited with code ${exit.code}`
    : `server was killed by ${exit.signal}`;
}

/** Spawns the server; failures to start arrive through `onExit` with `spawnError`, never as a throw. */
export function spawnServerProcess(
  command: StdioServerCommand,
  handlers: ServerProcessHandlers,
): ServerProcess {
  const child = spawn(command.command, command.args ?? [], {
    stdio: ["pipe", "pipe", "pipe"],
    env: command.env ?? {},
    ...(command.cwd === undefined ? {} : { cwd: command.cwd }),
    detached: process.platform !== "win32",
    windowsHide: true,
  });
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    const report = (exit: ServerExit) => {
      if (exited) return;
      exited = true;
      handlers.onExit(exit);
      resolve();
    };
    child.once("error", (error) => report({ code: null, signal: null, spawnError: error.message }));
    // "close" comes once stdout and stderr are drained (the last stderr lines explain an exit); a grandchild
    // holding the pipes open must not hide the exit, so "exit" reports too after a short grace.
    child.once("close", (code, signal) => report({ code, signal }));
    child.once("exit", (code, signal) => {
      setTimeout(() => report({ code, signal }), STREAM_DRAIN_GRACE_MS).unref();
    });
  });
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (text: string) => handlers.onStdout(text));
  child.stderr.on("data", (text: string) => handlers.onStderr(text));
  // A server that died makes writes fail with EPIPE; the exit handler reports it.
  child.stdin.on("error", () => {});

  const signalGroup = (signal: NodeJS.Signals) => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(process.platform === "win32" ? child.pid : -child.pid, signal);
    } catch {
      child.kill(signal);
    }
  };
  const waitFor = async (graceMs: number) => {
    const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([exitedPromise, timer]);
  };

  return {
    pid: child.pid,
    write(text) {
      if (exited || child.stdin.destroyed || !child.stdin.writable) return false;
      child.stdin.write(text);
      return true;
    },
    async shutdown(graceMs = 2_000) {
      if (exited) return;
      child.stdin.end();
      await waitFor(graceMs);
      if (exited) return;
      signalGroup("SIGTERM");
      await waitFor(graceMs);
      if (exited) return;
      signalGroup("SIGKILL");
      await exitedPromise;
    },
  };
}
