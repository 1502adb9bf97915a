// Scripted faults reach the real SDK as the error classes a real outage produces.

import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it, onTestFinished } from "vitest";
import { faults, reply, text } from "./builders.ts";
import { startFakeApi } from "./fake-api.ts";
import type { FakeReply } from "./types.ts";
import { createFakeClient } from "./vitest-helpers.ts";

async function setup(script: FakeReply[]) {
  const api = await startFakeApi({ script });
  onTestFinished(() => api.close());
  const { client } = createFakeClient(api);
  return { api, client };
}

const request = {
  model: "claude-test",
  max_tokens: 256,
  messages: [{ role: "user" as const, content: "hi" }],
};

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the request to fail");
}

describe("faults", () => {
  it("rate_limit is a RateLimitError carrying retry-after", async () => {
    const { client } = await setup([faults.rateLimit(7)]);
    const error = await caught(client.messages.create(request));

    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const rateLimit = error as InstanceType<typeof Anthropic.RateLimitError>;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.headers.get("retry-after")).toBe("7");
    expect(rateLimit.error).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    expect(rateLimit.requestID).toMatch(/^req_fake_/);
  });

  it.each([
    { name: "overloaded", fault: faults.overloaded(), status: 529, type: "overloaded_error" },
    { name: "server_error", fault: faults.serverError(), status: 500, type: "api_error" },
    { name: "auth", fault: faults.auth(), status: 401, type: "authentication_error" },
  ])("$name answers $status $type on a stream", async ({ fault, status, type }) => {
    const { client } = await setup([fault]);
    const error = await caught(client.messages.stream(request).finalMessage());

    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toMatchObject({ status, error: { error: { type } } });
  });

  it("overloaded may carry a retry-after-ms header", async () => {
    const { client } = await setup([faults.overloaded(250)]);
    const error = await caught(client.messages.create(request));

    expect(error).toMatchObject({ status: 529 });
    expect((error as InstanceType<typeof Anthropic.APIError>).headers?.get("retry-after-ms")).toBe("250");
  });

  it("maps overloaded and auth to the SDK's specific classes", async () => {
    const { client } = await setup([faults.overloaded(), faults.auth()]);

    await expect(client.messages.create(request)).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    await expect(client.messages.create(request)).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it("prompt_too_long is a 400 whose message states both token counts", async () => {
    const { client } = await setup([faults.promptTooLong()]);
    const error = await caught(client.messages.create(request));

    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(String((error as Error).message)).toMatch(/prompt is too long: \d+ tokens > 200000 maximum/);
  });

  it("drop_mid_stream delivers some text, then the stream rejects", async () => {
    const { client } = await setup([faults.dropMidStream(16)]);
    const stream = client.messages.stream(request);
    let received = "";
    stream.on("text", (delta) => {
      received += delta;
    });

    await expect(stream.finalMessage()).rejects.toThrow();
    expect(received.length).toBeGreaterThanOrEqual(16);
    expect(received.length).toBeLessThan(40);
  });

  it("drop_mid_stream cuts the reply's own text when it has some", async () => {
    const { client } = await setup([
      { ...reply(text("Partial answer that never ends")), ...faults.dropMidStream(8) },
    ]);
    const stream = client.messages.stream(request);
    let received = "";
    stream.on("text", (delta) => {
      received += delta;
    });

    await expect(stream.finalMessage()).rejects.toThrow();
    expect(received).toBe("Partial ");
  });

  it("sse_error streams some text, then an error event the SDK raises as an APIError of that type", async () => {
    const { client } = await setup([faults.sseError("overloaded_error", "Overloaded")]);
    const stream = client.messages.stream(request);
    let received = "";
    stream.on("text", (delta) => {
      received += delta;
    });

    const error = await caught(stream.finalMessage());
    expect(received.length).toBeGreaterThanOrEqual(16);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toMatchObject({
      status: undefined,
      type: "overloaded_error",
      error: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    });
  });

  it("malformed_stream streams some text, then an event the SDK cannot parse as JSON", async () => {
    const { client } = await setup([faults.malformedStream()]);
    const stream = client.messages.stream(request);
    let received = "";
    stream.on("text", (delta) => {
      received += delta;
    });

    const error = await caught(stream.finalMessage());
    expect(received.length).toBeGreaterThanOrEqual(16);
    expect(error).toBeInstanceOf(Anthropic.AnthropicError);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it("rateLimitMs answers 429 with retry-after-ms", async () => {
    const { client } = await setup([faults.rateLimitMs(250)]);
    const error = await caught(client.messages.create(request));

    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const headers = (error as InstanceType<typeof Anthropic.RateLimitError>).headers;
    expect(headers.get("retry-after-ms")).toBe("250");
    expect(headers.get("retry-after")).toBeNull();
  });

  it.each([502, 503, 504] as const)("serverError(%i) answers that status as an api_error", async (status) => {
    const { client } = await setup([faults.serverError(status)]);
    const error = await caught(client.messages.stream(request).finalMessage());

    expect(error).toBeInstanceOf(Anthropic.InternalServerError);
    expect(error).toMatchObject({ status, error: { error: { type: "api_error" } } });
  });

  it("auth(403) is a PermissionDeniedError", async () => {
    const { client } = await setup([faults.auth(403)]);
    const error = await caught(client.messages.create(request));

    expect(error).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, error: { error: { type: "permission_error" } } });
  });

  it("connectionReset answers nothing: the SDK reports a connection error", async () => {
    const { api, client } = await setup([faults.connectionReset(), reply(text("after the reset"))]);
    const error = await caught(client.messages.stream(request).finalMessage());

    expect(error).toBeInstanceOf(Anthropic.APIConnectionError);
    const message = await client.messages.create(request);
    expect(message.content).toEqual([{ type: "text", text: "after the reset" }]);
    expect(api.messageRequests()).toHaveLength(2);
  });

  it("serves the next scripted reply after a fault", async () => {
    const { client } = await setup([faults.serverError(), reply(text("recovered"))]);

    await expect(client.messages.create(request)).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    const message = await client.messages.create(request);
    expect(message.content).toEqual([{ type: "text", text: "recovered" }]);
  });
});
