// Test-only helpers for a chapter's real agent: a temp folder removed after the test, the agent started
// on a fresh fake API with a temp home (closed after the test), and waiting for a child's output line.
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import type { Script } from "./types.ts";
import {
  type AddCleanup,
  agentTestHandles,
  type CapturedOutput,
  captureOutput,
  type FakeModelConfig,
  startFakeModel,
} from "./vitest-helpers.ts";

/** A fresh temp folder, removed after the test. */
export async function makeTempFolder(addCleanup: AddCleanup, prefix = "lcc-test-"): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  addCleanup(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/** What a chapter's agent is made from in a test: the fake's client, a temp workspace and home. */
export interface AgentTestContext {
  client: Anthropic;
  config: FakeModelConfig;
  workspace: string;
  output: CapturedOutput;
  /** PATH and HOME (the temp home) only: the developer's own settings never reach a test. */
  env: NodeJS.ProcessEnv;
  home: string;
}

export interface AgentTestOptions<Agent> {
  script: Script;
  files?: Record<string, string>;
  model: string;
  /** Prefix of the temp home's name ("lcc-s13-home-"). */
  homePrefix: string;
  /** Run on this workspace instead of the fake's new one (a restart on the same workspace). */
  workspace?: string;
  /** Use this home instead of a new temp one (the same user restarting). */
  home?: string;
  createAgent(context: AgentTestContext): Promise<Agent>;
}

/**
 * The agent on a fresh fake API, in a temp workspace with a temp home; after the test the agent is closed
 * (when it can be), then the fake and the folders go. `run(line)` handles a line as the REPL does;
 * `requests()` are the model requests, checked for the pairing invariant.
 */
export async function startAgentTest<
  Agent extends { handleLine(line: string, signal: AbortSignal): Promise<void>; close?(): Promise<void> },
>(addCleanup: AddCleanup, options: AgentTestOptions<Agent>) {
  const home = options.home ?? (await makeTempFolder(addCleanup, options.homePrefix));
  const started = await startFakeModel({
    script: options.script,
    files: options.files ?? {},
    model: options.model,
  });
  addCleanup(started.cleanup);
  const { fake, client, config } = started;
  const workspace = options.workspace ?? started.workspace;
  const output = captureOutput();
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home };
  const agent = await options.createAgent({ client, config, workspace, output, env, home });
  if (agent.close) addCleanup(() => agent.close?.());
  return { agent, fake, workspace, home, ...agentTestHandles(agent, fake, output) };
}

/** Resolves when the child has written `line` on stdout; rejects when it exits first (with its stderr). */
export function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split("\n").includes(line)) resolve();
    });
    child.on("exit", (code, signal) =>
      reject(new Error(`child exited (${code ?? signal}) before "${line}": ${errors}`)),
    );
  });
}
