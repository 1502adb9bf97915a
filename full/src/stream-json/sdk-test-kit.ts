// Test helpers for lcc driven by the real Claude Agent SDK: query() options that start lcc from its sources
// against a fake API, a prompt queue for streaming input, and a fake model that plays one script per test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Options, SDKMessage, SDKUserMessage } from "@anthropic-ai/claude-agent-sdk";
import type { FakeReply, RecordedRequest, Script } from "@lcc/testkit";
import { hermeticEnv } from "@lcc/testkit";
import { launcherPath } from "../test-harness.ts";

/**
 * query() options that run `lcc` (its launcher: the bundle vitest's global setup built from the current
 * sources, as test-harness.ts's runLcc) in `workspace` against the fake at `baseURL`, with an empty HOME;
 * lcc's stderr is appended to `stderr`. `extra` adds the test's own options.
 */
export function lccOptions(
  run: { workspace: string; baseURL: string; stderr: string[] },
  extra: Options = {},
): Options & { cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), "lcc-sdk-home-"));
  return {
    pathToClaudeCodeExecutable: launcherPath,
    executable: "node",
    cwd: run.workspace,
    env: {
      ...hermeticEnv(),
      NO_COLOR: "1",
      HOME: home,
      ANTHROPIC_API_KEY: "test-key",
      ANTHROPIC_BASE_URL: run.baseURL,
    },
    stderr: (text) => run.stderr.push(text),
    ...extra,
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Prompts for streaming input: `push` sends one user message, `end` closes the input (lcc's stdin). */
export function createPromptQueue() {
  const waiting: Array<(value: IteratorResult<SDKUserMessage>) => void> = [];
  const queued: SDKUserMessage[] = [];
  let ended = false;
  const messages: AsyncIterable<SDKUserMessage> = {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        const message = queued.shift();
        if (message) return Promise.resolve({ value: message, done: false });
        if (ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
    }),
  };
  return {
    messages,
    push(text: string) {
      const message: SDKUserMessage = {
        type: "user",
        message: { role: "user", content: text },
        parent_tool_use_id: null,
      };
      const waiter = waiting.shift();
      if (waiter) waiter({ value: message, done: false });
      else queued.push(message);
    },
    end() {
      ended = true;
      for (const waiter of waiting.splice(0)) waiter({ value: undefined, done: true });
    },
  };
}

/** Reads messages until (and including) the next `result`; undefined when the stream ended first. */
export async function untilResult(
  stream: AsyncIterator<SDKMessage>,
  seen: SDKMessage[],
  onMessage: (message: SDKMessage) => void | Promise<void> = () => {},
): Promise<Extract<SDKMessage, { type: "result" }> | undefined> {
  for (;;) {
    const next = await stream.next();
    if (next.done) return undefined;
    seen.push(next.value);
    await onMessage(next.value);
    if (next.value.type === "result") return next.value;
  }
}

/** One test's part of the fake model: the reply to the test's `step`-th model request (0-based). */
export type ScenarioScript = (step: number, request: RecordedRequest) => FakeReply;

/**
 * A fake model shared by a file's tests: each conversation's first prompt holds `[scenario:name]`, and the request goes to
 * that scenario's script with its step (the number of assistant messages in the request).
 */
export function scriptByScenario(scenarios: Record<string, ScenarioScript>): Script {
  return (request) => {
    const scenario = scenarioOf(request);
    const script = scenario === undefined ? undefined : scenarios[scenario];
    if (!script) throw new Error(`no scenario for the prompt of request ${request.index}`);
    const step = request.body.messages.filter((message) => message.role === "assistant").length;
    return script(step, request);
  };
}

/** The name in the `[scenario:name]` of the conversation's first prompt. */
export function scenarioOf(request: RecordedRequest): string | undefined {
  return /\[scenario:([\w-]+)\]/.exec(JSON.stringify(request.body.messages[0]?.content ?? ""))?.[1];
}
