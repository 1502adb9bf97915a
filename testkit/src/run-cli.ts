// Runs a real child process the way a user would: arguments, working directory, piped stdin,
// collected output, and a timeout that kills the child's whole process group.

import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Absolute path of the repository's `node_modules/.bin/tsx`, to run a chapter's `main.ts`. */
export const tsxBin: string = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

/**
 * Node arguments that load TypeScript through tsx in the same process: `[process.execPath, ...tsxImport(),
 * script]` is ONE node process, where the tsx CLI is a shell shim, a node process and then the script's own
 * node process (about 0.3 s of CPU more per start, and a signal sent to it reaches the CLI, not the script).
 * The loader is named by its absolute URL, so it resolves from any working directory. Throws when tsx is not
 * installed (resolved on call, so importing testkit never needs it).
 */
export function tsxImport(): string[] {
  return ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href];
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  command: string;
  args: string[];
  cwd: string;
  /** Added to the inherited environment (see {@link runCli} for what is left out). */
  env?: Record<string, string>;
  /** A string, or lines each followed by "\n"; stdin is closed afterwards (also when absent). */
  stdin?: string | string[];
  /** Default 20 000 ms. */
  timeoutMs?: number;
}

/** What the child printed and how it ended. */
export interface RunCliResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: string | null;
}

/** Options of {@link startCli}: like runCli's, without the timeout, and the process group is optional. */
export interface StartCliOptions extends Omit<RunCliOptions, "timeoutMs"> {
  /** Start the child as leader of its own process group (default true), so killGroup reaches its children. */
  detached?: boolean;
}

/** A running child (see {@link startCli}): the process, its output so far, and its end. */
export interface StartedCli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves when the child has exited and its output is closed; rejects if it could not start. */
  exited: Promise<RunCliResult>;
}

/** Inherited variables that would make a test depend on the developer's shell. */
const HERMETIC_PREFIXES = ["ANTHROPIC_"];
const HERMETIC_NAMES = new Set(["MODEL_ID", "MAX_TOKENS", "LCC_HOME", "INIT_CWD"]);

/**
 * Spawns `command` with a hermetic environment (see {@link hermeticEnv}) plus `env`, writes `stdin`
 * and closes it, and collects the output; for tests that signal the child or watch it while it runs.
 */
export function startCli(options: StartCliOptions): StartedCli {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...hermeticEnv(), ...options.env },
    detached: options.detached ?? true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<RunCliResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ stdout, stderr, code, signal }));
  });
  // The child may exit without reading its input; that EPIPE is not the test's failure.
  child.stdin.on("error", () => undefined);
  const input = Array.isArray(options.stdin)
    ? options.stdin.map((line) => `${line}\n`).join("")
    : options.stdin;
  child.stdin.end(input ?? "");
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/**
 * Spawns `command` in its own process group and resolves when it exits. The child inherits this
 * process's environment minus ANTHROPIC_*, MODEL_ID, MAX_TOKENS, LCC_HOME and INIT_CWD (so a real
 * key never leaks into a test and pnpm's INIT_CWD never overrides `cwd`), plus `env`. On timeout
 * the group gets SIGKILL and the promise rejects with the output collected so far.
 */
export function runCli(options: RunCliOptions): Promise<RunCliResult> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const started = startCli(options);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      killGroup(started.child.pid);
      const command = [options.command, ...options.args].join(" ");
      reject(
        new Error(
          `runCli: "${command}" timed out after ${timeoutMs} ms\n--- stdout ---\n${started.stdout()}\n--- stderr ---\n${started.stderr()}`,
        ),
      );
    }, timeoutMs);
  });
  return Promise.race([started.exited, timedOut]).finally(() => clearTimeout(timer));
}

/**
 * This process's environment without the variables that would make a child depend on the developer's
 * shell (ANTHROPIC_*, MODEL_ID, MAX_TOKENS, LCC_HOME, INIT_CWD); for tests that spawn children themselves.
 */
export function hermeticEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const hermetic = HERMETIC_NAMES.has(name) || HERMETIC_PREFIXES.some((prefix) => name.startsWith(prefix));
    if (value !== undefined && !hermetic) env[name] = value;
  }
  return env;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}
