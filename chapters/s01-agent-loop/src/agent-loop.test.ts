import { existsSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant, faults, reply, type Script, text, toolUse } from "@lcc/testkit";
import { abortWhen, captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { s01Chapter } from "./agent.ts";
import { type LoopEvent, runAgentLoop } from "./agent-loop.ts";
import { appendUserContent, type MessageParam, partialAssistantMessage } from "./messages.ts";
import { s01Scenario } from "./scenario.ts";

const addCleanup = useCleanups();

async function setup(script: Script) {
  const { fake, workspace, client, cleanup } = await startFakeModel({ script });
  addCleanup(cleanup);
  const events: LoopEvent[] = [];
  const messages: MessageParam[] = [{ role: "user", content: "go" }];
  const run = (signal: AbortSignal = new AbortController().signal) =>
    runAgentLoop(messages, {
      client,
      model: "claude-test",
      maxTokens: 1024,
      system: "test",
      workspace,
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
    const reason = await run(abortWhen(() => events.some((event) => event.type === "text_delta")));
    expect(reason).toBe("aborted");
    const last = messages.at(-1)!;
    expect(last.role).toBe("assistant");
    expect(JSON.stringify(last.content)).not.toContain("tool_use");
  });

  it("aborts mid-tool: the shell is killed and the call is answered as interrupted", async () => {
    const { run, messages, events } = await setup([
      reply(toolUse("bash", { command: "sleep 20" }, "toolu_sleep")),
    ]);
    const started = Date.now();
    const reason = await run(abortWhen(() => events.some((event) => event.type === "tool_start"), 100));
    expect(reason).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(5000);
    const results = messages.at(-1)!.content as Anthropic.ToolResultBlockParam[];
    expect(results[0]).toMatchObject({ tool_use_id: "toolu_sleep", is_error: true });
    expect(String(results[0]!.content)).toContain("interrupted by user");
  });
});

describe("s01 agent loop: replies the history cannot keep as they are", () => {
  it("answers a tool call cut off by max_tokens without running it, so the next request stays valid", async () => {
    const cutOff = {
      ...reply(text("Creating the file."), toolUse("bash", { command: "touch ran.txt" }, "toolu_cut")),
      stop_reason: "max_tokens" as const,
    };
    const { run, messages, fake, workspace } = await setup([cutOff, reply(text("Retrying later."))]);
    expect(await run()).toBe("max_tokens");
    expect(existsSync(join(workspace, "ran.txt"))).toBe(false);
    expect(messages.at(-1)).toMatchObject({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "toolu_cut", is_error: true }],
    });
    appendUserContent(messages, "go on");
    expect(await run()).toBe("end_turn");
    assertPairingInvariant(fake.messageRequests());
  });

  it("does not store an empty reply, so the next prompt joins the previous one", async () => {
    const { run, messages, fake } = await setup([reply(), reply(text("Now I answer."))]);
    expect(await run()).toBe("end_turn");
    expect(messages).toEqual([{ role: "user", content: "go" }]);
    appendUserContent(messages, "hello?");
    await run();
    expect(fake.messageRequests()[1]!.body.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "go" },
          { type: "text", text: "hello?" },
        ],
      },
    ]);
  });
});

describe("s01 chapter agent", () => {
  it("after a failed model request, the next prompt joins the unanswered one", async () => {
    const { client, config, workspace, fake, cleanup } = await startFakeModel({
      script: [faults.serverError(), reply(text("Both answered."))],
    });
    addCleanup(cleanup);
    const agent = await s01Chapter.createAgent({ client, config, workspace, output: captureOutput() });
    await expect(agent.handleLine("first", new AbortController().signal)).rejects.toThrow();
    await agent.handleLine("second", new AbortController().signal);
    expect(fake.messageRequests()[1]!.body.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "first" },
          { type: "text", text: "second" },
        ],
      },
    ]);
    assertPairingInvariant(fake.messageRequests());
  });

  it("tells the user when a reply hit the output limit", async () => {
    const { client, config, workspace, cleanup } = await startFakeModel({
      script: [{ ...reply(text("A long answer that")), stop_reason: "max_tokens" }],
    });
    addCleanup(cleanup);
    const output = captureOutput();
    const agent = await s01Chapter.createAgent({ client, config, workspace, output });
    await agent.handleLine("explain everything", new AbortController().signal);
    expect(output.text()).toBe(
      "A long answer that\n⚠ The reply hit the output limit (MAX_TOKENS=1024) and was cut off.\n",
    );
  });
});

describe("s01 messages", () => {
  it("adds nothing for empty content (an empty user message is refused by the API)", () => {
    const messages: MessageParam[] = [{ role: "assistant", content: "hi" }];
    appendUserContent(messages, []);
    expect(messages).toHaveLength(1);
  });

  it("keeps no whitespace-only text of an aborted reply", () => {
    const partial = { content: [{ type: "text", text: " \n" }] } as unknown as Anthropic.Message;
    expect(partialAssistantMessage(partial)).toBeUndefined();
  });
});

describe("s01 demo scenario", () => {
  it("runs the real agent end to end and keeps every tool_use paired", async () => {
    const output = captureOutput();
    const run = await runScenario(s01Chapter, s01Scenario, output);
    addCleanup(run.cleanup);
    expect(run.requests.filter((request) => request.path === "/v1/messages")).toHaveLength(3);
    assertPairingInvariant(run.requests);
    expect(output.text()).toContain("⏺ bash(node src/app.js)");
    expect(output.text()).toContain("hello");
    expect(output.text()).toContain("running the app prints `hello`");
  });
});
