// Test helper for the s10 tests: the real prompt agent against a fresh fake API in a temp workspace
// (optionally a git repository) with its own home folder and an injectable clock, cleaned up after each test.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, createTerminalPrinter } from "@lcc/s02";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, agentTestHandles, captureOutput, startFakeModel } from "@lcc/testkit/vitest";
import { createPromptSetup, type PromptSetupOptions } from "./agent.ts";

const execFileAsync = promisify(execFile);

export interface TestAgentOptions {
  script: Script;
  /** Workspace files, by path relative to the workspace (or the repository, see `subfolder`). */
  files?: Record<string, string>;
  /** Files in the test's home folder (e.g. ".claude/CLAUDE.md"). */
  homeFiles?: Record<string, string>;
  /** Make the workspace a git repository (branch main, one commit). */
  git?: boolean;
  /** Run the agent in this folder of the repository instead of its root. */
  subfolder?: string;
  now?: () => Date;
  /** Runs on the workspace before the session starts (a FIFO, a commit). */
  prepare?: (workspace: string) => Promise<unknown>;
  options?: PromptSetupOptions;
}

/** Writes `files` under `folder`, creating parent folders. */
export async function writeFiles(folder: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
}

/** Runs git in `cwd` with argument arrays (tests change the repository between prompts). */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await execFileAsync("git", args, { cwd })).stdout;
}

/**
 * `start(options)` for a test file: the s10 session whose fake API, workspace and home are removed after
 * the test. `run(line)` handles a line as the REPL does; `requests()` are the model requests, each
 * checked for the pairing invariant; `notices()` the notice texts the session raised.
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async (options: TestAgentOptions) => {
    const home = await mkdtemp(join(tmpdir(), "lcc-s10-home-"));
    addCleanup(() => rm(home, { recursive: true, force: true }));
    await writeFiles(home, options.homeFiles ?? {});
    const {
      fake,
      workspace: root,
      client,
      config,
      cleanup,
    } = await startFakeModel({
      script: options.script,
      files: options.files ?? {},
      model: DEFAULT_MODEL,
      ...(options.git ? { git: true } : {}),
    });
    addCleanup(cleanup);
    const workspace = options.subfolder ? join(root, options.subfolder) : root;
    await mkdir(workspace, { recursive: true });
    await options.prepare?.(workspace);
    const output = captureOutput();
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, LCC_HOME: join(root, ".lcc") };
    const setupOptions: PromptSetupOptions = {
      permissions: { mode: "acceptEdits" },
      ...options.options,
      ...(options.now ? { now: options.now } : {}),
    };
    const agent = await createSessionAgent(
      (context) => createPromptSetup(context, setupOptions),
      {
        client,
        config,
        workspace,
        output,
        env,
      },
      { print: false },
    );
    // The test's listener comes first, so it also receives the notices the setup raised while built.
    const events: Array<{ type: string } & Record<string, unknown>> = [];
    agent.subscribe((event) => events.push(event as { type: string } & Record<string, unknown>));
    agent.subscribe(
      createTerminalPrinter(output, () => agent.resolved),
      { replay: false },
    );
    return {
      agent,
      fake,
      root,
      workspace,
      home,
      events,
      ...agentTestHandles(agent, fake, output),
      notices: () => events.flatMap((event) => (event.type === "notice" ? [String(event.text)] : [])),
    };
  };
}
