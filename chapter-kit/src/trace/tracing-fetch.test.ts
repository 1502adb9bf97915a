// The tracing fetch under the real SDK against the fake API: request bodies as sent, streams assembled
// into the message the SDK got, failures and aborts recorded, and never a credential in the file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Anthropic from "@anthropic-ai/sdk";
import {
  createTempWorkspace,
  type FakeApiOptions,
  faults,
  reply,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import type { TraceRecord, TraceRequestRecord, TraceResponseRecord } from "./trace-format.ts";
import { createTraceRecorder } from "./trace-recorder.ts";
import { createTracingFetch } from "./tracing-fetch.ts";

const addCleanup = useCleanups();
const API_KEY = "sk-ant-test-secret-0123456789";
const bashTool = {
  name: "bash",
  description: "Run a shell command.",
  input_schema: { type: "object" as const, properties: { command: { type: "string" } } },
};

async function setup(options: FakeApiOptions, clientOptions: { authToken?: string } = {}) {
  const fake = await startFakeApi(options);
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup, () => fake.close());
  const path = join(workspace.dir, "traces", "session.jsonl");
  const recorder = createTraceRecorder(path, { source: "tracing-fetch.test" });
  const tracingFetch = createTracingFetch(recorder);
  const client = new Anthropic({
    apiKey: clientOptions.authToken === undefined ? API_KEY : null,
    authToken: clientOptions.authToken ?? null,
    baseURL: fake.baseURL,
    maxRetries: 0,
    fetch: tracingFetch,
  });
  async function records(): Promise<TraceRecord[]> {
    await tracingFetch.idle();
    return readFileSync(path, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as TraceRecord);
  }
  const requests = async () =>
    (await records()).filter((record): record is TraceRequestRecord => record.type === "request");
  const responses = async () =>
    (await records()).filter((record): record is TraceResponseRecord => record.type === "response");
  return { fake, path, client, tracingFetch, records, requests, responses };
}

const firstQuestion: Anthropic.MessageParam = { role: "user", content: "What is in this folder?" };

function params(messages: Anthropic.MessageParam[]): Anthropic.MessageCreateParamsNonStreaming {
  return { model: "claude-test", max_tokens: 1024, system: "You are terse.", tools: [bashTool], messages };
}

/** The message as the API sent it: without the SDK's own `parsed_output`, as plain JSON. */
function asSent(message: Anthropic.Message): unknown {
  const { parsed_output: _parsed, ...sent } = message as Anthropic.Message & { parsed_output?: unknown };
  return JSON.parse(JSON.stringify(sent));
}

describe("createTracingFetch", () => {
  it("records each request body and the assembled streamed message, the same one the SDK got", async () => {
    const { client, fake, records, requests, responses } = await setup({
      script: [
        reply(text("Let me look."), toolUse("bash", { command: "ls -la" })),
        reply(text("Two files.")),
      ],
    });
    const first = await client.messages.stream(params([firstQuestion])).finalMessage();
    const toolUseBlock = first.content.find((block) => block.type === "tool_use");
    const history: Anthropic.MessageParam[] = [
      firstQuestion,
      { role: "assistant", content: first.content },
      {
        role: "user",
        content: [{ type: "tool_result", tool_use_id: toolUseBlock?.id ?? "", content: "a.txt\nb.txt" }],
      },
    ];
    const second = await client.messages.stream(params(history)).finalMessage();

    expect((await records()).map((record) => record.type)).toEqual([
      "trace_start",
      "request",
      "response",
      "request",
      "response",
    ]);
    const [request1, request2] = await requests();
    expect(request1).toMatchObject({ seq: 1, method: "POST", url: `${fake.baseURL}/v1/messages` });
    expect(request1?.body).toEqual(fake.messageRequests()[0]?.body);
    expect(request2?.body).toEqual(fake.messageRequests()[1]?.body);

    const [response1, response2] = await responses();
    expect(response1).toMatchObject({ seq: 1, status: 200, streamed: true, requestId: "req_fake_1" });
    expect(response1?.message).toEqual(asSent(first));
    expect(response1?.message?.content[1]).toMatchObject({ type: "tool_use", input: { command: "ls -la" } });
    expect(response1?.message?.stop_reason).toBe("tool_use");
    expect(response1?.message?.usage).toMatchObject(fake.messageRequests()[0]?.usage ?? {});
    expect(response2?.message).toEqual(asSent(second));
    expect(response2?.message?.stop_reason).toBe("end_turn");
    expect(response2?.error).toBeUndefined();
    expect(response2?.durationMs).toBeGreaterThanOrEqual(response2?.headersMs ?? Number.NaN);
  });

  it("hands the SDK the stream unchanged, delta for delta", async () => {
    const answer = "A long answer that arrives in many small deltas, every one of them intact.";
    const { client } = await setup({ script: [reply(text(answer))], chunkSize: 3 });
    const deltas: string[] = [];
    const stream = client.messages.stream(params([firstQuestion])).on("text", (delta) => deltas.push(delta));
    const message = await stream.finalMessage();

    expect(deltas.join("")).toBe(answer);
    expect(deltas.length).toBeGreaterThan(10);
    expect(message.content).toEqual([{ type: "text", text: answer }]);
  });

  it("never writes the API key, a bearer token or any header", async () => {
    const token = "bearer-token-secret-42";
    for (const credentials of [{}, { authToken: token }]) {
      const { client, path, records, fake } = await setup({ script: [reply(text("Hi."))] }, credentials);
      await client.messages.stream(params([firstQuestion])).finalMessage();
      await records();

      const sent = fake.messageRequests()[0]?.headers ?? {};
      expect(sent["x-api-key"] ?? sent.authorization).toMatch(/sk-ant-test-secret|bearer-token-secret/);
      const file = readFileSync(path, "utf8").toLowerCase();
      expect(file).toContain('"type":"response"');
      for (const secret of [API_KEY, token, "x-api-key", "authorization", "anthropic-version"]) {
        expect(file).not.toContain(secret.toLowerCase());
      }
    }
  });

  it("records a stream the caller aborted, with the text that had arrived", async () => {
    const { client, responses } = await setup({
      script: [{ ...reply(text("One two three four five six seven eight nine ten.")), chunkDelayMs: 20 }],
    });
    const controller = new AbortController();
    const stream = client.messages.stream(params([firstQuestion]), { signal: controller.signal });
    stream.on("text", () => controller.abort());
    await expect(stream.finalMessage()).rejects.toThrow(Anthropic.APIUserAbortError);

    const [response] = await responses();
    expect(response).toMatchObject({ status: 200, aborted: true, error: "aborted" });
    expect(response?.message?.stop_reason).toBeNull();
    expect(response?.message?.content[0]).toMatchObject({
      type: "text",
      text: expect.stringMatching(/^One/),
    });
  });

  it("records a stream the server cut off as an error, not an abort", async () => {
    const { client, responses } = await setup({ script: [faults.dropMidStream(8)] });
    await expect(client.messages.stream(params([firstQuestion])).finalMessage()).rejects.toThrow();

    const [response] = await responses();
    expect(response?.aborted).toBeUndefined();
    expect(response?.error).toEqual(expect.any(String));
    expect(response?.message?.stop_reason).toBeNull();
  });

  it("records an API error's status, body and message", async () => {
    const { client, responses } = await setup({ script: [faults.rateLimit()] });
    await expect(client.messages.create(params([firstQuestion]))).rejects.toThrow(Anthropic.RateLimitError);

    const [response] = await responses();
    expect(response).toMatchObject({ status: 429, streamed: false, body: { type: "error" } });
    expect(response?.error).toMatch(/^rate_limit_error: /);
  });

  it("records non-streaming messages and count_tokens as they are returned", async () => {
    const { client, responses, requests } = await setup({ script: [reply(text("Plain JSON."))] });
    const message = await client.messages.create(params([firstQuestion]));
    const count = await client.messages.countTokens({ model: "claude-test", messages: [firstQuestion] });

    expect((await requests()).map((request) => new URL(request.url).pathname)).toEqual([
      "/v1/messages",
      "/v1/messages/count_tokens",
    ]);
    const [created, counted] = await responses();
    expect(created).toMatchObject({ streamed: false, message: asSent(message) });
    expect(counted).toMatchObject({ seq: 2, body: { input_tokens: count.input_tokens } });
  });

  it("records a request that never got a response, and the SDK still sees the failure", async () => {
    const { fake, tracingFetch, responses } = await setup({ script: [] });
    await fake.close();
    const client = new Anthropic({
      apiKey: API_KEY,
      baseURL: fake.baseURL,
      maxRetries: 0,
      fetch: tracingFetch,
    });
    await expect(client.messages.create(params([firstQuestion]))).rejects.toThrow(
      Anthropic.APIConnectionError,
    );

    const [response] = await responses();
    expect(response).toMatchObject({ status: 0, streamed: false, error: expect.any(String) });
    expect(response?.aborted).toBeUndefined();
  });

  it("lets other requests through unrecorded", async () => {
    const { fake, tracingFetch, records } = await setup({ script: [] });
    const response = await tracingFetch(`${fake.baseURL}/v1/models`);

    expect(response.status).toBe(404);
    expect((await records()).map((record) => record.type)).toEqual(["trace_start"]);
  });
});
