// Test-only helpers (`@lcc/testkit/vitest`): per-test cleanups, captured output, aborting on a condition,
// a client wired to the fake API. A separate entry because it imports vitest: the main entry is also
// loaded outside vitest (the demos run the fake API).

import { execFileSync } from "node:child_process";
import { Writable } from "node:stream";
import Anthropic from "@anthropic-ai/sdk";
import { afterEach, onTestFinished } from "vitest";
import { startFakeApi } from "./fake-api.ts";
import { assertPairingInvariant } from "./pairing.ts";
import { createTempWorkspace, type TempWorkspaceOptions } from "./temp-workspace.ts";
import type { FakeApi, FakeApiOptions, RecordedRequest } from "./types.ts";

/** Something to undo after a test: close a server, remove a folder, kill a process. */
export type Cleanup = () => unknown;

/** Adds cleanups to run after the current test. */
export type AddCleanup = (...cleanups: Cleanup[]) => void;

/**
 * Call once per test file, at the top level. Registers an `afterEach` that awaits, in reverse order of
 * adding, every cleanup added during the test; each one runs even when an earlier one throws, and the
 * first error then fails the test.
 */
export function useCleanups(): AddCleanup {
  const pending: Cleanup[] = [];
  afterEach(async () => {
    const errors: unknown[] = [];
    for (const cleanup of pending.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  });
  return (...cleanups) => {
    pending.push(...cleanups);
  };
}

/** A writable stream that keeps everything written to it. */
export interface CapturedOutput extends Writable {
  /** Everything written so far, decoded as UTF-8. */
  text(): string;
}

/** A stream to pass as a program's output; `text()` returns what it printed. */
export function captureOutput(): CapturedOutput {
  let written = "";
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  return Object.assign(stream, { text: () => written });
}

/**
 * A signal that aborts `delayMs` after `condition()` first holds (0: at once), polling every 5 ms. The
 * polling stops then, or when the current test finishes. Call it inside a test.
 */
export function abortWhen(condition: () => boolean, delayMs = 0): AbortSignal {
  const controller = new AbortController();
  const poll = setInterval(() => {
    if (!condition()) return;
    clearInterval(poll);
    if (delayMs === 0) controller.abort();
    else setTimeout(() => controller.abort(), delayMs);
  }, 5);
  onTestFinished(() => clearInterval(poll));
  return controller.signal;
}

/** Model settings pointing at a fake API; assignable to s01's `ModelConfig`. */
export interface FakeModelConfig {
  apiKey: string;
  baseURL: string;
  model: string;
  maxTokens: number;
}

/** What {@link createFakeClient} may override: defaults are "test-key", "claude-test" and 1024. */
export type FakeModelSettings = Partial<Omit<FakeModelConfig, "baseURL">>;

/**
 * The config a chapter reads from the environment, pointing at `fake`, and the SDK client that s01's
 * `createModelClient(config, { maxRetries: 0 })` builds from it (no retries, no auth token from the env).
 */
export function createFakeClient(
  fake: Pick<FakeApi, "baseURL">,
  settings: FakeModelSettings = {},
): { config: FakeModelConfig; client: Anthropic } {
  const config: FakeModelConfig = {
    apiKey: settings.apiKey ?? "test-key",
    baseURL: fake.baseURL,
    model: settings.model ?? "claude-test",
    maxTokens: settings.maxTokens ?? 1024,
  };
  const client = new Anthropic({
    apiKey: config.apiKey,
    authToken: null,
    baseURL: config.baseURL,
    maxRetries: 0,
  });
  return { config, client };
}

/** Options of {@link startFakeModel}: the fake's script, the workspace's files, the model settings. */
export type FakeModelOptions = FakeApiOptions & TempWorkspaceOptions & FakeModelSettings;

/** A fake API, a temporary workspace and a client for them. */
export interface FakeModel {
  fake: FakeApi;
  /** Absolute path of the temporary workspace. */
  workspace: string;
  config: FakeModelConfig;
  client: Anthropic;
  /** Closes the fake, then removes the workspace. */
  cleanup(): Promise<void>;
}

/** Starts the fake API and creates the workspace; the caller hands `cleanup` to {@link useCleanups}. */
export async function startFakeModel(options: FakeModelOptions): Promise<FakeModel> {
  const fake = await startFakeApi(options);
  const workspace = await createTempWorkspace(options).catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  return {
    fake,
    workspace: workspace.dir,
    ...createFakeClient(fake, options),
    async cleanup() {
      try {
        await fake.close();
      } finally {
        await workspace.cleanup();
      }
    },
  };
}

/** True when `command args` runs and exits 0 (e.g. `isCommandAvailable("tmux", ["-V"])` to skip tmux tests). */
export function isCommandAvailable(command: string, args: string[] = ["--version"]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Sets the usual umask (022) until the test ends, so a file written without an explicit mode comes out
 * 0644 and a test of "written 0600" can fail.
 */
export function useUsualUmask(addCleanup: AddCleanup): void {
  const previous = process.umask(0o022);
  addCleanup(() => process.umask(previous));
}

/**
 * What a chapter's test agent hands its tests: `run(line)` handles a line as the REPL does,
 * `requests()` are the fake's model requests — each checked for the pairing invariant — and `output()`
 * is what the session printed.
 */
export function agentTestHandles(
  agent: { handleLine(line: string, signal: AbortSignal): Promise<void> },
  fake: { messageRequests(): RecordedRequest[] },
  output: { text(): string },
) {
  return {
    run: (line: string) => agent.handleLine(line, new AbortController().signal),
    requests: () => {
      const requests = fake.messageRequests();
      assertPairingInvariant(requests);
      return requests;
    },
    output: () => output.text(),
  };
}

export {
  type AgentTestContext,
  type AgentTestOptions,
  makeTempFolder,
  startAgentTest,
  waitForLine,
} from "./session-test.ts";
