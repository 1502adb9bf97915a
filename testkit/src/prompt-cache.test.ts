// The prompt-caching simulation as the SDK reports it: breakpointed prefixes are written, read back
// by later requests (with a 20-block lookback), broken by any change before them, limited to four.

import Anthropic from "@anthropic-ai/sdk";
import type { MessageParam, TextBlockParam } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it, onTestFinished } from "vitest";
import { reply, text } from "./builders.ts";
import { estimateTokens } from "./estimate-tokens.ts";
import { startFakeApi } from "./fake-api.ts";
import { createFakeClient } from "./vitest-helpers.ts";

const MODEL = "claude-test";
const SYSTEM = "You are a coding agent. ".repeat(40);
const ephemeral = { type: "ephemeral" as const };

async function setup(options: { minCacheTokens?: number } = {}) {
  const api = await startFakeApi({ script: () => reply(text("ok")), ...options });
  onTestFinished(() => api.close());
  const { client } = createFakeClient(api);
  const send = async (system: TextBlockParam[], messages: MessageParam[]) =>
    (await client.messages.create({ model: MODEL, max_tokens: 256, system, messages })).usage;
  return { api, client, send };
}

function cachedSystem(prompt: string): TextBlockParam[] {
  return [{ type: "text", text: prompt, cache_control: ephemeral }];
}

function user(content: string, cached = false): MessageParam {
  return {
    role: "user",
    content: [{ type: "text", text: content, ...(cached ? { cache_control: ephemeral } : {}) }],
  };
}

function assistant(content: string): MessageParam {
  return { role: "assistant", content };
}

describe("prompt caching simulation", () => {
  it("writes a breakpointed system prefix and reads it on the next request", async () => {
    const { send } = await setup();
    const first = await send(cachedSystem(SYSTEM), [user("first question")]);
    const second = await send(cachedSystem(SYSTEM), [user("a different question")]);

    expect(first).toMatchObject({
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: estimateTokens(SYSTEM),
      input_tokens: estimateTokens("first question"),
    });
    expect(second).toMatchObject({
      cache_read_input_tokens: estimateTokens(SYSTEM),
      cache_creation_input_tokens: 0,
      input_tokens: estimateTokens("a different question"),
    });
  });

  it("reads the previous tail's prefix when the conversation-tail breakpoint moves forward", async () => {
    const { send } = await setup();
    const turn1 = [user("read the file", true)];
    await send(cachedSystem(SYSTEM), turn1);
    const turn2 = [user("read the file"), assistant("Here it is."), user("now edit it", true)];
    const usage = await send(cachedSystem(SYSTEM), turn2);

    const previousPrefix = estimateTokens(SYSTEM) + estimateTokens("read the file");
    const newTail = estimateTokens("Here it is.") + estimateTokens("now edit it");
    expect(usage).toMatchObject({
      cache_read_input_tokens: previousPrefix,
      cache_creation_input_tokens: newTail,
      input_tokens: 0,
    });
  });

  it("looks back at most 20 blocks before a breakpoint", async () => {
    const { send } = await setup();
    await send(cachedSystem(SYSTEM), [user("start")]);
    const longTurn: MessageParam = {
      role: "user",
      content: Array.from({ length: 25 }, (_, index) => ({ type: "text" as const, text: `note ${index}` })),
    };
    const tail = {
      ...longTurn,
      content: [
        ...(longTurn.content as TextBlockParam[]),
        { type: "text" as const, text: "end", cache_control: ephemeral },
      ],
    };
    const usage = await send([{ type: "text", text: SYSTEM }], [tail]);

    expect(usage.cache_read_input_tokens).toBe(0);
  });

  it("misses when the system prompt changes", async () => {
    const { send } = await setup();
    await send(cachedSystem(SYSTEM), [user("question")]);
    const usage = await send(cachedSystem(`${SYSTEM} Today is Tuesday.`), [user("question")]);

    expect(usage.cache_read_input_tokens).toBe(0);
    expect(usage.cache_creation_input_tokens).toBe(estimateTokens(`${SYSTEM} Today is Tuesday.`));
  });

  it("misses when the model changes", async () => {
    const { client, send } = await setup();
    await send(cachedSystem(SYSTEM), [user("question")]);
    const other = await client.messages.create({
      model: "claude-other",
      max_tokens: 256,
      system: cachedSystem(SYSTEM),
      messages: [user("question")],
    });

    expect(other.usage.cache_read_input_tokens).toBe(0);
  });

  it("counts everything as input without any breakpoint", async () => {
    const { send } = await setup();
    await send([{ type: "text", text: SYSTEM }], [user("question")]);
    const usage = await send([{ type: "text", text: SYSTEM }], [user("question")]);

    expect(usage).toMatchObject({
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      input_tokens: estimateTokens(SYSTEM) + estimateTokens("question"),
    });
  });

  it("does not cache prefixes shorter than minCacheTokens", async () => {
    const { send } = await setup({ minCacheTokens: 1024 });
    await send(cachedSystem("short system prompt"), [user("question")]);
    const usage = await send(cachedSystem("short system prompt"), [user("question")]);

    expect(usage.cache_read_input_tokens).toBe(0);
    expect(usage.cache_creation_input_tokens).toBe(0);
  });

  it("rejects more than four breakpoints with a 400", async () => {
    const { api, send } = await setup();
    const messages = [user("a", true), assistant("b"), user("c", true), assistant("d"), user("e", true)];
    const request = send(
      [...cachedSystem(SYSTEM), { type: "text", text: "more", cache_control: ephemeral }],
      messages,
    );

    await expect(request).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    await expect(request).rejects.toThrow(
      "A maximum of 4 blocks with cache_control may be provided. Found 5.",
    );
    expect(api.requests).toHaveLength(1);
  });

  it("treats tools as the first blocks of the prefix", async () => {
    const { client } = await setup();
    const tools = [
      { name: "bash", description: "Runs a shell command.", input_schema: { type: "object" as const } },
      {
        name: "read_file",
        description: "Reads a file.",
        input_schema: { type: "object" as const },
        cache_control: ephemeral,
      },
    ];
    const ask = (content: string) =>
      client.messages.create({ model: MODEL, max_tokens: 256, tools, messages: [user(content)] });
    await ask("one");
    const { usage } = await ask("two");

    expect(usage.cache_read_input_tokens).toBe(
      tools.reduce((sum, tool) => sum + estimateTokens(stripCache(tool)), 0),
    );
  });
});

function stripCache(tool: Record<string, unknown>): Record<string, unknown> {
  const { cache_control: _ignored, ...rest } = tool;
  return rest;
}
