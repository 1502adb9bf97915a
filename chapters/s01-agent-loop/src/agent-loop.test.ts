import { PassThrough } from "node:stream";
import Anthropic from "@anthropic-ai/sdk";
import {
  assertPairingInvariant,
  createTempWorkspace,
  reply,
  type Script,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { s01Chapter } from "./agent.ts";
import { type LoopEvent, runAgentLoop } from "./agent-loop.ts";
import { runScenario } from "./chapter-cli.ts";
import type { MessageParam } from "./messages.ts";
import { s01Scenario } from "./scenario.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(script: Script) {
  const fake = await startFakeApi({ script });
  const workspace = await createTempWorkspace();
  cleanups.push(fake.close, workspace.cleanup);
  const client = new Anthropic({ apiKey: "test", baseURL: fake.baseURL, maxRetries: 0 });
  const events: LoopEvent[] = [];
  const messages: MessageParam[] = [{ role: "user", content: "go" }];
  const run = (signal: AbortSignal = new AbortController().signal) =>
    runAgentLoop(messages, {
      client,
      model: "claude-test",
      maxTokens: 1024,
      system: "test",
      workspace: workspace.dir,
      signal,
      onEvent: (event) => events.push(event),
    });
  return { fake, workspace, messages, events, run };
}

describe("s01 agent loop", () => {
  it("ends on end_turn and returns the stop reason", async () => {
    const { run, messages, fake } = await setup([reply(text("All done."))]);
    expect(await run()).toBe("end_turn");
    expect(messages.at(-1)).toMatchObject({
      role: "assistant",
      content: [{ type: "text", text: "All done." }],
    });
    expect(fake.messageRequests()).toHaveLength(1);
  });

  it("feeds the tool result back to the model and loops until the model stops", async () => {
    const { run, fake, events } = await setup([
      reply(toolUse("bash", { command: "echo hi from the shell" }, "toolu_1")),
      reply(text("The shell said hi.")),
    ]);
    expect(await run()).toBe("end_turn");
    const second = fake.messageRequests()[1]!.body.messages.at(-1)!;
    expect(second.role).toBe("user");
    expect(second.content).toEqual([
      {
        type: "tool_result",
        tool_use_id: "toolu_1",
        content: "hi from the shell\n[exit code 0]",
        is_error: false,
      },
    ]);
    expect(events.map((event) => event.type)).toContain("tool_end");
    assertPairingInvariant(fake.messageRequests());
  });

  it("streams text as deltas before the message completes", async () => {
    const { run, events } = await setup([reply(text("a fairly long answer that arrives in several chunks"))]);
    await run();
    const deltas = events.filter((event) => event.type === "text_delta");
    expect(deltas.length).toBeGreaterThan(2);
  });

  it("answers an unknown tool with an error result instead of crashing", async () => {
    const { run, fake } = await setup([
      reply(toolUse("teleport", { to: "mars" }, "toolu_x")),
      reply(text("ok")),
    ]);
    await run();
    const results = fake.messageRequests()[1]!.body.messages.at(-1)!
      .content as Anthropic.ToolResultBlockParam[];
    expect(results[0]).toMatchObject({ tool_use_id: "toolu_x", is_error: true });
  });

  it("aborts mid-stream, keeps the text already shown and sends no half tool call", async () => {
    const slow = {
      ...reply(text("I am thinking about this slowly and carefully"), toolUse("bash", { command: "ls" })),
      chunkDelayMs: 40,
    };
    const { run, messages, events } = await setup([slow]);
    const controller = new AbortController();
    const waitForText = setInterval(() => {
      if (events.some((event) => event.type === "text_delta")) controller.abort();
    }, 5);
    const reason = await run(controller.signal);
    clearInterval(waitForText);
    expect(reason).toBe("aborted");
    const last = messages.at(-1)!;
    expect(last.role).toBe("assistant");
    expect(JSON.stringify(last.content)).not.toContain("tool_use");
  });

  it("aborts mid-tool: the shell is killed and the call is answered as interrupted", async () => {
    const { run, messages, events } = await setup([
      reply(toolUse("bash", { command: "sleep 20" }, "toolu_sleep")),
    ]);
    const controller = new AbortController();
    const started = Date.now();
    const timer = setInterval(() => {
      if (events.some((event) => event.type === "tool_start")) setTimeout(() => controller.abort(), 100);
    }, 5);
    const reason = await run(controller.signal);
    clearInterval(timer);
    expect(reason).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(5000);
    const results = messages.at(-1)!.content as Anthropic.ToolResultBlockParam[];
    expect(results[0]).toMatchObject({ tool_use_id: "toolu_sleep", is_error: true });
    expect(String(results[0]!.content)).toContain("interrupted by user");
  });
});

describe("s01 demo scenario", () => {
  it("runs the real agent end to end and keeps every tool_use paired", async () => {
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => {
      printed += String(chunk);
    });
    const run = await runScenario(s01Chapter, s01Scenario, output);
    cleanups.push(run.cleanup);
    expect(run.requests.filter((request) => request.path === "/v1/messages")).toHaveLength(3);
    assertPairingInvariant(run.requests);
    expect(printed).toContain("⏺ bash(node src/app.js)");
    expect(printed).toContain("hello");
    expect(printed).toContain("running the app prints `hello`");
  });
});
