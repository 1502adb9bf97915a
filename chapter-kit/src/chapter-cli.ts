// The shell every chapter's `start` and `demo` share: config, workspace, banner, REPL, offline demo.
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { createTempWorkspace, type RecordedRequest, type Script, startFakeApi } from "@lcc/testkit";
import { type AskUser, createAskChannel } from "./ask.ts";
import {
  createModelClient,
  DEFAULT_MAX_TOKENS,
  DEFAULT_MODEL,
  hasCredentials,
  loadDotenv,
  type ModelConfig,
  maxRetryWaitFromEnv,
  noKeyBanner,
  readModelConfig,
} from "./config.ts";
import type { ModelClient } from "./model-client.ts";
import { runRepl } from "./repl.ts";
import { startTracing, type Tracing } from "./trace/start-tracing.ts";
import type { TraceableEvent } from "./trace/trace-event-listener.ts";
import { resolveWorkspace, WorkspaceError } from "./workspace.ts";

export interface ChapterContext {
  client: ModelClient;
  config: ModelConfig;
  workspace: string;
  output: NodeJS.WritableStream;
  /** The process environment (LCC_HOME and friends); absent in tests that do not need it. */
  env?: NodeJS.ProcessEnv;
  /** How the agent asks the user a question; absent means there is no terminal (every ask is refused). */
  ask?: AskUser;
  /** Sees every event of the agent (tracing records tool runs from them); never changes anything. */
  observe?: (event: TraceableEvent) => void;
}

export interface ChapterAgent {
  /** Handles one line typed at the prompt (a prompt or a slash command); honours the signal (Ctrl-C). */
  handleLine(line: string, signal: AbortSignal): Promise<void>;
  /** Work that arrives while the prompt is idle (queued messages): the REPL runs it like a turn. */
  wake?: {
    /** Called when work arrives; returns the unsubscribe. */
    onPush(listener: () => void): () => void;
    /** Runs a turn for what arrived; true when there was something to run. */
    run(signal: AbortSignal): Promise<boolean>;
  };
  /** Ends the session when its REPL ends: background commands are killed, timers stopped (s13, s14). */
  close?(): Promise<void>;
}

export interface Chapter {
  id: string;
  title: string;
  createAgent(context: ChapterContext): ChapterAgent | Promise<ChapterAgent>;
}

/**
 * A step of a demo where the user waits instead of typing: the next prompt is typed only after the
 * agent, idle at the prompt, was woken by queued work (s13's background result, s14's cron prompt)
 * and finished that turn. The demo fails after `timeoutMs` (default 30 s) if nothing woke it.
 */
export interface DemoWait {
  waitForWake: true;
  timeoutMs?: number;
}

/** A scripted offline session: the prompts a user types and the model's scripted answers. */
export interface DemoScenario {
  prompts: Array<string | DemoWait>;
  script: Script;
  files?: Record<string, string>;
  git?: boolean;
}

export interface ChapterIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  sigintSource?: NodeJS.EventEmitter;
  /** Ends the process (after SIGTERM or SIGHUP, once the session is closed); absent in tests. */
  exit?: (code: number) => void;
}

/** The real process's arguments, environment and streams; called only from a chapter's main.ts / demo.ts. */
export function processIo(): ChapterIo {
  return {
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    sigintSource: process,
    exit: (code) => process.exit(code),
  };
}

/** What `start` needs besides the chapter: the offline demo it falls back to when no key is set. */
export interface ChapterMainOptions {
  /** The chapter's demo scenario, the same one `pnpm --filter sNN demo` plays. */
  scenario: DemoScenario;
  /** The chapter the demo runs when it differs from the live one (s06 demos a tiny compaction threshold). */
  demoChapter?: Chapter;
  /**
   * The chapter retries model calls itself (s11 on): the SDK's retries are off, so there is one policy.
   * Before s11 the SDK retries (twice, its waits announced and capped).
   */
  ownsRetries?: boolean;
}

/**
 * `pnpm --filter sNN start`: resolves the workspace and runs the REPL on it. Without a key it prints one
 * banner (no key, how to set one) and plays the chapter's offline demo instead, exit code 0: a reader
 * without a key sees the chapter work, not a package-manager failure. Returns the exit code.
 */
export async function runChapterMain(
  chapter: Chapter,
  io: ChapterIo,
  options: ChapterMainOptions,
): Promise<number> {
  let workspace: string;
  try {
    workspace = resolveWorkspace(io.argv, io.env, io.cwd);
  } catch (error) {
    if (!(error instanceof WorkspaceError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  // Never the workspace's .env: a repository must not choose where the user's key is sent.
  for (const warning of loadDotenv(io.env, io.env.HOME ? { home: io.env.HOME } : {}))
    io.stderr.write(`warning: ${warning}\n`);
  const config = readModelConfig(io.env);
  if (!hasCredentials(config)) {
    io.stdout.write(`${noKeyBanner(chapter)}\n`);
    return playDemo(options.demoChapter ?? chapter, options.scenario, io);
  }
  const tracing = startChapterTracing(chapter, io);
  const client = createModelClient(config, {
    ...(tracing ? { fetch: tracing.fetch } : {}),
    ...(options.ownsRetries ? { maxRetries: 0 } : {}),
    onRetryWait: (text) => io.stdout.write(`⚠ ${text}\n`),
    ...maxRetryWait(io.env),
  });
  io.stdout.write(`${chapter.id} · ${chapter.title} · model ${config.model}\nworkspace: ${workspace}\n`);
  io.stdout.write("Ctrl-C interrupts a turn; Ctrl-C on an empty prompt or Ctrl-D exits.\n\n");
  const askChannel = createAskChannel();
  const agent = await chapter.createAgent({
    client,
    config,
    workspace,
    output: io.stdout,
    env: io.env,
    ask: askChannel.ask,
    ...(tracing ? { observe: tracing.onEvent } : {}),
  });
  const stopOnSignals = io.sigintSource && stopOnSignal(io.sigintSource, agent, io.exit);
  try {
    await runRepl({
      input: io.stdin,
      output: io.stdout,
      prompt: `${chapter.id} > `,
      onLine: (line, signal) => agent.handleLine(line, signal),
      askChannel,
      ...(agent.wake ? { wake: agent.wake } : {}),
      ...(io.sigintSource ? { sigintSource: io.sigintSource } : {}),
    });
  } finally {
    stopOnSignals?.();
    await agent.close?.();
  }
  await tracing?.fetch.idle();
  return 0;
}

export interface ScenarioRun {
  requests: RecordedRequest[];
  workspace: string;
  cleanup(): Promise<void>;
}

/**
 * Runs a chapter's real agent against the testkit fake API with the scenario's script, typing the
 * scenario's prompts into the same REPL `start` uses. The caller cleans up the temp workspace.
 */
export async function runScenario(
  chapter: Chapter,
  scenario: DemoScenario,
  output: NodeJS.WritableStream,
  options: { tracing?: Tracing } = {},
): Promise<ScenarioRun> {
  const { tracing } = options;
  const temp = await createTempWorkspace({
    ...(scenario.files ? { files: scenario.files } : {}),
    ...(scenario.git ? { git: true } : {}),
  });
  const fake = await startFakeApi({ script: scenario.script }).catch(async (error: unknown) => {
    await temp.cleanup();
    throw error;
  });
  output.write(`workspace: ${temp.dir}\n\n`);
  try {
    const config: ModelConfig = {
      apiKey: "demo-key",
      baseURL: fake.baseURL,
      model: DEFAULT_MODEL,
      maxTokens: DEFAULT_MAX_TOKENS,
    };
    const client = createModelClient(config, { maxRetries: 0, ...(tracing ? { fetch: tracing.fetch } : {}) });
    const agent = await chapter.createAgent({
      client,
      config,
      workspace: temp.dir,
      output,
      ...(tracing ? { observe: tracing.onEvent } : {}),
    });
    const wakes = countWakes(agent);
    try {
      await runRepl({
        input: Readable.from(typeScenario(scenario.prompts, wakes, output)),
        output,
        prompt: `${chapter.id} > `,
        onLine: (line, signal) => agent.handleLine(line, signal),
        ...(wakes.wake ? { wake: wakes.wake } : {}),
      });
    } finally {
      await agent.close?.();
    }
    await tracing?.fetch.idle();
    return { requests: fake.requests, workspace: temp.dir, cleanup: temp.cleanup };
  } catch (error) {
    await temp.cleanup();
    throw error;
  } finally {
    await fake.close();
  }
}

/**
 * SIGTERM and SIGHUP (a kill, a closed terminal) end the chapter as Ctrl-C then Ctrl-D would: the turn
 * is interrupted, the session closed (no background command outlives it), then the process exits with
 * 128 + the signal's number. Returns the uninstall.
 */
function stopOnSignal(source: NodeJS.EventEmitter, agent: ChapterAgent, exit?: (code: number) => void) {
  const codes = { SIGHUP: 129, SIGTERM: 143 } as const;
  const handlers = Object.entries(codes).map(([name, code]) => {
    const handler = () => {
      source.emit("SIGINT", "SIGINT");
      void (agent.close?.() ?? Promise.resolve()).finally(() => exit?.(code));
    };
    source.once(name, handler);
    return () => source.off(name, handler);
  });
  return () => {
    for (const off of handlers) off();
  };
}

/** The agent's wake, counting the woken turns that ran, so a DemoWait knows when one has finished. */
function countWakes(agent: ChapterAgent) {
  let ran = 0;
  const waiters = new Set<() => void>();
  const source = agent.wake;
  const wake = source && {
    onPush: source.onPush,
    async run(signal: AbortSignal) {
      const didRun = await source.run(signal);
      if (didRun) {
        ran += 1;
        for (const waiter of [...waiters]) waiter();
      }
      return didRun;
    },
  };
  return {
    wake,
    /** True once a woken turn that started after this call has finished; false after `timeoutMs`. */
    next(timeoutMs: number): Promise<boolean> {
      const target = ran + 1;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve(false);
        }, timeoutMs);
        const check = () => {
          if (ran < target) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(true);
        };
        waiters.add(check);
      });
    },
  };
}

/**
 * The lines a demo types, pausing at each DemoWait until the agent was woken and ran that turn; when
 * nothing wakes it in time, the demo says so and stops typing (the REPL then ends).
 */
async function* typeScenario(
  steps: DemoScenario["prompts"],
  wakes: ReturnType<typeof countWakes>,
  output: NodeJS.WritableStream,
) {
  for (const step of steps) {
    if (typeof step === "string") {
      yield `${step}\n`;
      continue;
    }
    const timeoutMs = step.timeoutMs ?? 30_000;
    if (await wakes.next(timeoutMs)) continue;
    output.write(`\n(the demo waited ${timeoutMs / 1000} s for queued work that never came)\n`);
    return;
  }
}

/**
 * `pnpm --filter sNN demo`: the scenario, offline, printed exactly as `start` would print it. With
 * `--keep` the demo workspace stays (its path is printed), so the files the session names can be opened.
 */
export async function runChapterDemo(
  chapter: Chapter,
  scenario: DemoScenario,
  io: ChapterIo,
): Promise<number> {
  io.stdout.write(`${chapter.id} · ${chapter.title} · offline demo (scripted model, no key needed)\n`);
  return playDemo(chapter, scenario, io);
}

/** Plays the scenario on a temp workspace, then removes it, or keeps it when argv has `--keep`. */
async function playDemo(chapter: Chapter, scenario: DemoScenario, io: ChapterIo): Promise<number> {
  const tracing = startChapterTracing(chapter, io);
  const run = await runScenario(chapter, scenario, io.stdout, tracing ? { tracing } : {});
  if (io.argv.includes("--keep")) {
    io.stdout.write(`\n(demo workspace kept: ${run.workspace})\n`);
    return 0;
  }
  io.stdout.write("\n(demo workspace removed; add --keep to keep it)\n");
  await run.cleanup();
  return 0;
}

/** LCC_TRACE for a chapter's start or demo: the wire appended to that file (relative to where pnpm was run). */
function startChapterTracing(chapter: Chapter, io: ChapterIo) {
  const path = io.env.LCC_TRACE?.trim();
  if (!path) return undefined;
  return startTracing(resolve(io.env.INIT_CWD || io.cwd, path), {
    source: `@lcc/${chapter.id}`,
    argv: io.argv,
    onError: (error) => io.stderr.write(`warning: tracing is off: ${error.message}\n`),
  });
}

function maxRetryWait(env: NodeJS.ProcessEnv): { maxRetryWaitMs?: number } {
  const ms = maxRetryWaitFromEnv(env);
  return ms === undefined ? {} : { maxRetryWaitMs: ms };
}
