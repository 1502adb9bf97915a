// The fake Messages API as the real SDK sees it: streaming, tool input, non-streaming, scripts,
// recording, loud exhaustion, count_tokens and client aborts.

import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it, onTestFinished } from "vitest";
import { reply, text, toolUse, toolUseRawInput } from "./builders.ts";
import { estimateTokens } from "./estimate-tokens.ts";
import { startFakeApi } from "./fake-api.ts";
import type { FakeApiOptions, Script } from "./types.ts";
import { createFakeClient } from "./vitest-helpers.ts";

const MODEL = "claude-test";

async function setup(script: Script, options: Omit<FakeApiOptions, "script"> = {}) {
  const api = await startFakeApi({ script, ...options });
  onTestFinished(() => api.close());
  const { client } = createFakeClient(api);
  return { api, client };
}

function ask(content: string) {
  return { model: MODEL, max_tokens: 1024, messages: [{ role: "user" as const, content }] };
}

describe("startFakeApi", () => {
  it("streams text in several chunks and finalMessage() holds the whole reply", async () => {
    const { client } = await setup([reply(text("Hello from the fake model, streamed in pieces."))]);
    const stream = client.messages.stream(ask("hi"));
    const chunks: string[] = [];
    stream.on("text", (delta) => chunks.push(delta));
    const message = await stream.finalMessage();

    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join("")).toBe("Hello from the fake model, streamed in pieces.");
    expect(message.content).toEqual([
      { type: "text", text: "Hello from the fake model, streamed in pieces." },
    ]);
    expect(message.stop_reason).toBe("end_turn");
    expect(message.role).toBe("assistant");
    expect(message.model).toBe(MODEL);
    expect(message.id).toMatch(/^msg_fake_/);
    expect(message.usage.output_tokens).toBeGreaterThan(1);
  });

  it("streams tool input as several input_json_delta chunks that parse to the input", async () => {
    const input = { command: "ls -la", cwd: "src", timeoutMs: 5000 };
    const { client } = await setup([reply(text("Listing."), toolUse("bash", input))]);
    const stream = client.messages.stream(ask("list files"));
    const partials: string[] = [];
    for await (const event of stream) {
      if (event.type === "content_block_delta" && event.delta.type === "input_json_delta") {
        partials.push(event.delta.partial_json);
      }
    }
    const message = await stream.finalMessage();

    expect(partials.length).toBeGreaterThan(2);
    expect(JSON.parse(partials.join(""))).toEqual(input);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.content[1]).toEqual({ type: "tool_use", id: "toolu_fake_1", name: "bash", input });
  });

  it("streams a raw tool input exactly as given, invalid JSON included, and answers {} without streaming", async () => {
    const raw = '{"path": "a.txt", oops}';
    const { client } = await setup([
      reply(toolUseRawInput("read_file", raw, "t1")),
      reply(toolUseRawInput("read_file", raw, "t2")),
    ]);
    const partials: string[] = [];
    // The raw event stream: the SDK's accumulating stream rejects invalid JSON at the block's end.
    for await (const event of await client.messages.create({ ...ask("read it"), stream: true })) {
      if (event.type === "content_block_delta" && event.delta.type === "input_json_delta") {
        partials.push(event.delta.partial_json);
      }
    }
    expect(partials.length).toBeGreaterThan(1);
    expect(partials.join("")).toBe(raw);
    const message = await client.messages.create(ask("read it"));
    expect(message.content).toEqual([{ type: "tool_use", id: "t2", name: "read_file", input: {} }]);
  });

  it("answers non-streaming requests with the full Message", async () => {
    const { client } = await setup([
      reply(text("Plain."), toolUse("read_file", { path: "a.ts" }, "toolu_given")),
    ]);
    const message = await client.messages.create(ask("read it"));

    expect(message.content).toEqual([
      { type: "text", text: "Plain." },
      { type: "tool_use", id: "toolu_given", name: "read_file", input: { path: "a.ts" } },
    ]);
    expect(message.stop_reason).toBe("tool_use");
  });

  it("honours an explicit stop_reason and output token count", async () => {
    const { client } = await setup([
      { content: [text("cut")], stop_reason: "max_tokens", outputTokens: 4096 },
    ]);
    const message = await client.messages.stream(ask("write a lot")).finalMessage();

    expect(message.stop_reason).toBe("max_tokens");
    expect(message.usage.output_tokens).toBe(4096);
  });

  it("passes the recorded request and the reply number to a script function", async () => {
    const seen: Array<{ index: number; tools: unknown; messages: unknown }> = [];
    const { client } = await setup((request, index) => {
      seen.push({ index, tools: request.body.tools, messages: request.body.messages });
      return reply(text(`reply ${index}`));
    });
    const tools = [
      { name: "bash", description: "Runs a command.", input_schema: { type: "object" as const } },
    ];
    await client.messages.create({ ...ask("first"), tools });
    const second = await client.messages.create({ ...ask("second"), tools });

    expect(second.content).toEqual([{ type: "text", text: "reply 1" }]);
    expect(seen.map((entry) => entry.index)).toEqual([0, 1]);
    expect(seen[0]?.tools).toEqual(tools);
    expect(seen[1]?.messages).toEqual([{ role: "user", content: "second" }]);
  });

  it("records every request with lower-cased headers and its usage", async () => {
    const { api, client } = await setup([reply(text("ok"))]);
    await client.messages.countTokens({ model: MODEL, messages: [{ role: "user", content: "count me" }] });
    await client.messages.create({ ...ask("hello"), system: "Be brief." });

    expect(api.requests.map((request) => request.path)).toEqual([
      "/v1/messages/count_tokens",
      "/v1/messages",
    ]);
    const [recorded] = api.messageRequests();
    expect(recorded?.index).toBe(1);
    expect(recorded?.method).toBe("POST");
    // SDK 1.x sends an apiKey as a bearer token, not as x-api-key.
    expect(recorded?.headers.authorization).toBe("Bearer test-key");
    expect(recorded?.headers["anthropic-version"]).toBeDefined();
    expect(recorded?.headers["content-type"]).toContain("application/json");
    expect(recorded?.body.system).toBe("Be brief.");
    expect(recorded?.usage).toEqual({
      input_tokens: estimateTokens("Be brief.") + estimateTokens("hello"),
      output_tokens: estimateTokens("ok"),
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });

  it("fails loudly with a 400 when a list script is exhausted", async () => {
    const { client } = await setup([reply(text("only one"))]);
    await client.messages.create(ask("one"));
    const second = client.messages.create(ask("two"));

    await expect(second).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    await expect(second).rejects.toThrow("fake API: script exhausted after 1 requests");
  });

  it("refuses a message with empty content like the real API, except a final assistant message", async () => {
    const { api, client } = await setup([reply(text("prefilled"))]);
    const empty = client.messages.create({
      model: MODEL,
      max_tokens: 1024,
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: [] },
        { role: "user", content: "again" },
      ],
    });
    await expect(empty).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    await expect(empty).rejects.toThrow("messages.1: all messages must have non-empty content");
    const prefill = await client.messages.create({
      model: MODEL,
      max_tokens: 1024,
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: "" },
      ],
    });
    expect(prefill.content).toEqual([{ type: "text", text: "prefilled" }]);
    expect(api.messageRequests()).toHaveLength(2);
  });

  it("answers 500 with the message when a script function throws", async () => {
    const { client } = await setup(() => {
      throw new Error("scenario has no reply for this");
    });
    const request = client.messages.create(ask("anything"));

    await expect(request).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    await expect(request).rejects.toThrow("scenario has no reply for this");
  });

  it("counts tokens with the same estimate it reports as usage", async () => {
    const { client } = await setup([reply(text("ok"))]);
    const body = { ...ask("a question of some length"), system: "You are a careful agent." };
    const counted = await client.messages.countTokens({
      model: MODEL,
      system: body.system,
      messages: body.messages,
    });
    const message = await client.messages.create(body);

    expect(counted.input_tokens).toBeGreaterThan(0);
    expect(counted.input_tokens).toBe(message.usage.input_tokens);
  });

  it("stops streaming when the client aborts and keeps serving afterwards", async () => {
    const longText = "word ".repeat(200);
    const { api, client } = await setup([
      { ...reply(text(longText)), chunkDelayMs: 5 },
      reply(text("still here")),
    ]);
    const controller = new AbortController();
    const stream = client.messages.stream(ask("go on"), { signal: controller.signal });
    stream.on("text", () => controller.abort());

    await expect(stream.finalMessage()).rejects.toBeInstanceOf(Anthropic.APIUserAbortError);
    const next = await client.messages.create(ask("again"));
    expect(next.content).toEqual([{ type: "text", text: "still here" }]);
    await api.close();
  });

  it("abandons a delayed reply when the client aborts during the delay", async () => {
    const { api, client } = await setup([{ ...reply(text("late")), delayMs: 10_000 }]);
    const controller = new AbortController();
    const request = client.messages.create(ask("wait"), { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);

    await expect(request).rejects.toBeInstanceOf(Anthropic.APIUserAbortError);
    const started = Date.now();
    await api.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
