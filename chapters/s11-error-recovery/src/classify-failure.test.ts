// Each failure the real SDK throws against the fake API (and a closed port) gets its kind.
import Anthropic from "@anthropic-ai/sdk";
import { createStreamingCallModel, ModelAbortError } from "@lcc/s02";
import { type FakeReply, faults, reply, startFakeApi, text } from "@lcc/testkit";
import { createFakeClient, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { classifyFailure, isRetryable } from "./classify-failure.ts";
import { closedPort } from "./test-agent.ts";

const addCleanup = useCleanups();

const request = {
  model: "claude-test",
  max_tokens: 256,
  system: "",
  tools: [],
  messages: [{ role: "user" as const, content: "hi" }],
};

/** What the real streaming call throws for one scripted reply (client options such as a timeout apply). */
async function thrownBy(fault: FakeReply, clientOptions: { timeout?: number } = {}): Promise<unknown> {
  const api = await startFakeApi({ script: [fault] });
  addCleanup(() => api.close());
  const { client } = createFakeClient(api);
  const callModel = createStreamingCallModel(client.withOptions(clientOptions));
  try {
    await callModel(request, { signal: new AbortController().signal, onTextDelta: () => {} });
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("classifyFailure", () => {
  it.each([
    { name: "429", fault: faults.rateLimit(7), kind: "rate_limited", status: 429, wait: 7000 },
    {
      name: "429 retry-after-ms",
      fault: faults.rateLimitMs(250),
      kind: "rate_limited",
      status: 429,
      wait: 250,
    },
    { name: "529", fault: faults.overloaded(), kind: "overloaded", status: 529 },
    { name: "500", fault: faults.serverError(), kind: "server_error", status: 500 },
    { name: "502", fault: faults.serverError(502), kind: "server_error", status: 502 },
    { name: "503", fault: faults.serverError(503), kind: "server_error", status: 503 },
    { name: "504", fault: faults.serverError(504), kind: "server_error", status: 504 },
    { name: "401", fault: faults.auth(), kind: "auth", status: 401 },
    { name: "403", fault: faults.auth(403), kind: "auth", status: 403 },
    { name: "prompt too long", fault: faults.promptTooLong(), kind: "prompt_too_long", status: 400 },
  ])("$name is $kind", async ({ fault, kind, status, wait }) => {
    const failure = classifyFailure(await thrownBy(fault));

    expect(failure).toMatchObject({ kind, status });
    expect(failure.requestedWaitMs).toBe(wait);
  });

  it.each([
    { name: "a connection reset", fault: faults.connectionReset(), kind: "connection" },
    { name: "a stream dropped mid-message", fault: faults.dropMidStream(), kind: "stream_interrupted" },
    { name: "an unparseable event mid-stream", fault: faults.malformedStream(), kind: "stream_interrupted" },
    { name: "an overloaded error event mid-stream", fault: faults.sseError(), kind: "overloaded" },
    {
      name: "an api_error event mid-stream",
      fault: faults.sseError("api_error", "Internal"),
      kind: "server_error",
    },
  ])("$name is $kind", async ({ fault, kind }) => {
    const failure = classifyFailure(await thrownBy(fault));

    expect(failure.kind).toBe(kind);
    expect(isRetryable(failure.kind)).toBe(true);
  });

  it("a request that outlives the client's timeout is a timeout", async () => {
    const error = await thrownBy({ ...reply(text("late")), delayMs: 2000 }, { timeout: 50 });

    expect(classifyFailure(error).kind).toBe("timeout");
  });

  it("a refused connection is a connection failure", async () => {
    const client = new Anthropic({
      apiKey: "k",
      baseURL: `http://127.0.0.1:${await closedPort()}`,
      maxRetries: 0,
    });
    const callModel = createStreamingCallModel(client);
    const error = await callModel(request, {
      signal: new AbortController().signal,
      onTextDelta: () => {},
    }).catch((caught: unknown) => caught);

    expect(classifyFailure(error).kind).toBe("connection");
  });

  it("a 400 that is not about length, an abort and a bug are not retried", async () => {
    const exhausted = await (async () => {
      const api = await startFakeApi({ script: [] });
      addCleanup(() => api.close());
      const { client } = createFakeClient(api);
      return client.messages.create(request).catch((error: unknown) => error);
    })();

    expect(classifyFailure(exhausted)).toMatchObject({ kind: "fatal", status: 400 });
    expect(classifyFailure(new ModelAbortError(undefined)).kind).toBe("aborted");
    expect(classifyFailure(new TypeError("x is not a function")).kind).toBe("fatal");
    expect(isRetryable("fatal")).toBe(false);
    expect(isRetryable("auth")).toBe(false);
  });

  it("dates a retry-after given as an HTTP date against the clock", () => {
    const error = new Anthropic.RateLimitError(
      429,
      { type: "error", error: { type: "rate_limit_error", message: "slow down" } },
      "slow down",
      new Headers({ "retry-after": "Sat, 05 Dec 2026 12:00:30 GMT" }),
    );

    expect(classifyFailure(error, Date.parse("2026-12-05T12:00:00Z")).requestedWaitMs).toBe(30_000);
  });
});
