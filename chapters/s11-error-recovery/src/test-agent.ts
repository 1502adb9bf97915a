// Test helper for the s11 tests: the real recovery agent against a fresh fake API in a temp workspace
// and temp home, on a clock that records each wait instead of waiting.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import { assertPairingInvariant, type Script } from "@lcc/testkit";
import { type AddCleanup, captureOutput, startFakeModel } from "@lcc/testkit/vitest";
import { createRecoverySetup, type RecoverySetupOptions } from "./agent.ts";
import type { RecoveryTime } from "./recovery-time.ts";

export interface TestAgentOptions {
  script: Script;
  files?: Record<string, string>;
  options?: RecoverySetupOptions;
  /** Extra environment (LCC_MAX_RETRY_WAIT_SECONDS, ANTHROPIC_BASE_URL …). */
  env?: Record<string, string>;
  /** The session's max_tokens (default 1024). */
  maxTokens?: number;
  /** The SDK client's base URL instead of the fake's (a closed port), and its timeout. */
  client?: { baseURL?: string; timeout?: number };
}

/** A clock that never waits: each sleep is recorded; random() is 0 so delays are the bare backoff. */
export function instantTime(): RecoveryTime & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      signal.throwIfAborted();
    },
    random: () => 0,
    now: () => Date.parse("2026-12-05T12:00:00Z"),
  };
}

/** A port on 127.0.0.1 nothing listens on (a connection to it is refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * `start(options)` for a test file: the s11 session on the fake API, its workspace and home removed after
 * the test. `run(line)` handles a line as the REPL does; `requests()` are the message requests, checked
 * for the pairing invariant; `time.sleeps` the waits the policy asked for.
 */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async (options: TestAgentOptions) => {
    const home = await mkdtemp(join(tmpdir(), "lcc-s11-home-"));
    addCleanup(() => rm(home, { recursive: true, force: true }));
    const started = await startFakeModel({
      script: options.script,
      files: options.files ?? {},
      model: DEFAULT_MODEL,
      ...(options.maxTokens ? { maxTokens: options.maxTokens } : {}),
    });
    addCleanup(started.cleanup);
    const { fake, workspace } = started;
    // maxRetries stays 0 (createFakeClient's): the recovery policy is the only one.
    const client = options.client ? started.client.withOptions(options.client) : started.client;
    const config = {
      ...started.config,
      ...(options.client?.baseURL ? { baseURL: options.client.baseURL } : {}),
    };
    const time = instantTime();
    const output = captureOutput();
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: home,
      LCC_HOME: join(workspace, ".lcc"),
      ...options.env,
    };
    const setupOptions: RecoverySetupOptions = {
      permissions: { mode: "acceptEdits" },
      home,
      recoveryTime: time,
      ...options.options,
    };
    const agent = await createSessionAgent((context) => createRecoverySetup(context, setupOptions), {
      client,
      config,
      workspace,
      output,
      env,
    });
    const events: AgentEvent[] = [];
    agent.subscribe((event) => events.push(event), { replay: false });
    return {
      agent,
      fake,
      workspace,
      time,
      events,
      run: (line: string, signal = new AbortController().signal) => agent.handleLine(line, signal),
      requests: () => {
        const requests = fake.messageRequests();
        assertPairingInvariant(requests);
        return requests;
      },
      output: () => output.text(),
    };
  };
}
