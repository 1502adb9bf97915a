// Test helpers for full: run the real `lcc` launcher as a child process on the TypeScript sources,
// pointed at a testkit fake API, or an in-process session. Used by the *.test.ts files only.
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AskUser, DEFAULT_MODEL } from "@lcc/chapter-kit";
import { runCli, type Script, type StartedCli, startCli } from "@lcc/testkit";
import { captureOutput, startFakeModel } from "@lcc/testkit/vitest";
import { createAgentSession } from "./session/agent-session.ts";
import { createColors } from "./terminal/colors.ts";
import { createProductCommands, lccHelpNotes } from "./terminal/slash-commands.ts";

export type RunCliResult = Awaited<ReturnType<typeof runCli>>;

/** Absolute path of the `lcc` launcher (full/bin/lcc.mjs). */
export const launcherPath = fileURLToPath(new URL("../bin/lcc.mjs", import.meta.url));

export interface LccRun {
  args: string[];
  cwd: string;
  /** The fake API's baseURL; omitted means no key and no URL (the demo model). */
  baseURL?: string;
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs?: number;
}

/**
 * A fresh, empty HOME for one lcc run: the developer's ~/.claude (CLAUDE.md, settings, hooks) and ~/.lcc
 * (memories, trusted workspaces) never reach a test, and a test never writes there. Removed by `remove`.
 */
function emptyHome(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "lcc-test-home-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `lcc` through its launcher: the bundle that vitest's global setup built from the current sources
 * (scripts/build-lcc-bundle.setup.ts), so a stale build is never what a test sees.
 */
export function runLcc(run: LccRun): Promise<RunCliResult> {
  const keyEnv: Record<string, string> = run.baseURL
    ? { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: run.baseURL }
    : {};
  const home = run.env?.HOME === undefined ? emptyHome() : undefined;
  return runCli({
    command: process.execPath,
    args: [launcherPath, ...run.args],
    cwd: run.cwd,
    env: { NO_COLOR: "1", ...(home ? { HOME: home.dir } : {}), ...keyEnv, ...run.env },
    ...(run.stdin === undefined ? {} : { stdin: run.stdin }),
    timeoutMs: run.timeoutMs ?? 30_000,
  }).finally(() => home?.remove());
}

/** Starts `lcc` (the fresh bundle, as runLcc) against `baseURL` with piped output, for tests that signal it. The caller kills it. */
export function spawnLcc(run: { args: string[]; cwd: string; baseURL: string }): StartedCli {
  const home = emptyHome();
  const started = startCli({
    command: process.execPath,
    args: [launcherPath, ...run.args],
    cwd: run.cwd,
    // Not a group leader: the signals a test sends reach lcc alone, as a terminal's would.
    detached: false,
    env: {
      NO_COLOR: "1",
      HOME: home.dir,
      ANTHROPIC_API_KEY: "test-key",
      ANTHROPIC_BASE_URL: run.baseURL,
    },
  });
  started.exited.then(home.remove, home.remove);
  return started;
}

/** `http://127.0.0.1:<port>` for a loopback port nothing listens on (connections are refused). */
export async function closedLoopbackURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** Polls `condition` every 50 ms; rejects naming `what` after `timeoutMs` (default 20 s). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Parses stream-json output: one JSON value per non-empty line. */
export function parseJsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * An in-process agent session on a temp workspace against a fresh fake API, with lcc's product
 * commands (/cost /model /resume, uncoloured); `cleanup` removes both.
 */
export async function createTestSession(
  script: Script,
  options: {
    files?: Record<string, string>;
    git?: boolean;
    model?: string;
    maxTurns?: number;
    /** The demo model's terms: usage costs nothing. */
    demo?: boolean;
    /** Who answers the agent's questions (a TUI's ask channel); default: nobody (refused). */
    ask?: AskUser;
  } = {},
) {
  const model = await startFakeModel({
    script,
    ...(options.files ? { files: options.files } : {}),
    ...(options.git ? { git: true } : {}),
    model: options.model ?? DEFAULT_MODEL,
    maxTokens: 1024,
  });
  const session = await createAgentSession({
    client: model.client,
    config: model.config,
    workspace: model.workspace,
    output: captureOutput(),
    env: {},
    lccHome: join(model.workspace, ".lcc"),
    version: "test",
    ...(options.maxTurns === undefined ? {} : { maxTurns: options.maxTurns }),
    free: Boolean(options.demo),
    commands: (current) =>
      createProductCommands(current, { colors: createColors(false), demo: Boolean(options.demo) }),
    helpNotes: lccHelpNotes(),
    ...(options.ask ? { ask: options.ask } : {}),
  });
  return {
    session,
    fake: model.fake,
    workspace: model.workspace,
    sessionsDir: session.sessionsDir,
    async cleanup() {
      await session.close();
      await model.cleanup();
    },
  };
}

export { isProcessAlive } from "@lcc/testkit";
