// Test helpers for s12: a temp folder removed after the test, a task store on one, and the real s12 agent
// against a fresh fake API in a temp workspace with a temp home.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import type { RecordedRequest, Script } from "@lcc/testkit";
import { type AddCleanup, agentTestHandles, captureOutput, startFakeModel } from "@lcc/testkit/vitest";
import { createTaskSetup, type TaskSetupOptions } from "./agent.ts";
import { createTaskStore, type TaskStore } from "./task-store.ts";

/** A fresh temp folder removed after the test. */
export async function makeTempFolder(addCleanup: AddCleanup, prefix = "lcc-s12-"): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  addCleanup(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/** A store over `<workspace>/.lcc/tasks` in a fresh temp workspace (a fixed clock when `now` is given). */
export async function makeStore(
  addCleanup: AddCleanup,
  now?: () => Date,
): Promise<{ store: TaskStore; workspace: string; folder: string }> {
  const workspace = await makeTempFolder(addCleanup);
  const folder = join(workspace, ".lcc", "tasks");
  return { store: createTaskStore({ folder, root: workspace, ...(now ? { now } : {}) }), workspace, folder };
}

export interface TestAgentOptions {
  script: Script;
  files?: Record<string, string>;
  options?: TaskSetupOptions;
}

/**
 * `start(options)` for a test file: an s12 session (acceptEdits, temp home) on the fake API, removed after
 * the test. `run(line)` handles a line as the REPL does; `requests()` are checked for the pairing invariant.
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async (options: TestAgentOptions) => {
    const home = await makeTempFolder(addCleanup, "lcc-s12-home-");
    const started = await startFakeModel({
      script: options.script,
      files: options.files ?? {},
      model: DEFAULT_MODEL,
    });
    addCleanup(started.cleanup);
    const { fake, workspace, client, config } = started;
    const output = captureOutput();
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home };
    const agent = await createSessionAgent(
      (context) =>
        createTaskSetup(context, { permissions: { mode: "acceptEdits" }, home, ...options.options }),
      { client, config, workspace, output, env },
    );
    const events: AgentEvent[] = [];
    agent.subscribe((event) => events.push(event));
    return { agent, workspace, events, ...agentTestHandles(agent, fake, output) };
  };
}

/** Resolves when the child has written `line` on stdout; rejects when it exits first. */
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

/** The tool results of the last user message of a request, as { text, isError }. */
export function toolResults(request: RecordedRequest | undefined): Array<{ text: string; isError: boolean }> {
  const content = request?.body.messages.at(-1)?.content;
  if (!Array.isArray(content)) return [];
  return content.flatMap((block: Anthropic.ContentBlockParam) =>
    block.type === "tool_result"
      ? [
          {
            text: typeof block.content === "string" ? block.content : JSON.stringify(block.content),
            isError: block.is_error === true,
          },
        ]
      : [],
  );
}

/**
 * Runs `fixtures/<name>` as ONE process (`node --import tsx`, not the tsx CLI, which would put a second
 * process between the test and the script: a SIGKILL must reach the writer itself), killed after the test.
 */
export function runFixture(addCleanup: AddCleanup, name: string, args: string[]): ChildProcess {
  const script = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: dirname(dirname(script)),
    stdio: ["pipe", "pipe", "pipe"],
  });
  addCleanup(() => child.kill("SIGKILL"));
  return child;
}
