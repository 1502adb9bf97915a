// describeError on the errors the real SDK raises against the fake API: HTTP errors, an unreachable
// endpoint, and replies that break off mid-stream (dropped, an SSE error event, an unreadable event).

import { createModelClient, DEFAULT_MODEL } from "@lcc/chapter-kit";
import { ModelCallError } from "@lcc/s11";
import { type FakeReply, faults, startFakeApi } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { closedLoopbackURL } from "../test-harness.ts";
import { describeError } from "./describe-error.ts";

const addCleanup = useCleanups();

/** The error the SDK's stream rejects with when `baseURL` answers (or fails) as given. */
async function streamError(baseURL: string): Promise<unknown> {
  const client = createModelClient(
    { apiKey: "k", baseURL, model: DEFAULT_MODEL, maxTokens: 64 },
    { maxRetries: 0 },
  );
  const request = {
    model: DEFAULT_MODEL,
    max_tokens: 64,
    messages: [{ role: "user" as const, content: "hi" }],
  };
  try {
    await client.messages.stream(request).finalMessage();
  } catch (error) {
    return error;
  }
  throw new Error("expected the stream to fail");
}

/** describeError of the fake API's answer `reply`, and the fake's baseURL. */
async function describeFault(reply: FakeReply): Promise<{ text: string; baseURL: string }> {
  const fake = await startFakeApi({ script: [reply] });
  addCleanup(() => fake.close());
  return { text: describeError(await streamError(fake.baseURL), fake.baseURL), baseURL: fake.baseURL };
}

describe("describeError", () => {
  it("gives an HTTP error's status and the API's message", async () => {
    expect((await describeFault(faults.auth())).text).toBe("API error 401: invalid x-api-key");
  });

  it("names the endpoint and the system's reason when the endpoint cannot be reached", async () => {
    const baseURL = await closedLoopbackURL();
    expect(describeError(await streamError(baseURL), `${baseURL}/`)).toBe(
      `Connection error: could not reach ${baseURL}/v1/messages (ECONNREFUSED)`,
    );
  });

  it("says the connection dropped mid-reply, naming the endpoint, and that the prompt can be retried", async () => {
    const { text, baseURL } = await describeFault(faults.dropMidStream());
    expect(text).toBe(
      `The connection to ${baseURL}/v1/messages dropped in the middle of the reply (terminated); ` +
        "the partial reply was not kept. Retry the prompt.",
    );
  });

  it("gives an SSE error event's type and message, not its raw JSON", async () => {
    const { text } = await describeFault(faults.sseError("overloaded_error", "Overloaded"));
    expect(text).toBe(
      "The API reported an error in the stream: overloaded_error: Overloaded; the partial reply was not kept. Retry the prompt.",
    );
  });

  it("says the stream could not be read, not the JSON parser's message", async () => {
    const { text, baseURL } = await describeFault(faults.malformedStream());
    expect(text).toBe(
      `The API sent a stream lcc could not read (invalid JSON in an event from ${baseURL}/v1/messages); ` +
        "the partial reply was not kept. Retry the prompt.",
    );
  });

  it("after s11 gave up retrying, says how often it tried and what the last failure was", async () => {
    const { text: last } = await describeFault(faults.serverError(503));
    const fake = await startFakeApi({ script: [faults.serverError(503)] });
    addCleanup(() => fake.close());
    const cause = await streamError(fake.baseURL);
    const exhausted = (retries: number) =>
      new ModelCallError("server error 503: gave up", {
        kind: "server_error",
        reason: "retries_exhausted",
        retries,
        cause,
      });
    expect(describeError(exhausted(4))).toBe(`Gave up after 4 retries: ${last}`);
    expect(describeError(exhausted(1))).toBe(`Gave up after 1 retry: ${last}`);
    expect(describeError(exhausted(0))).toBe(last);
    const auth = new ModelCallError("401 — Check ANTHROPIC_API_KEY", {
      kind: "auth",
      reason: "not_retryable",
      retries: 0,
      cause,
    });
    expect(describeError(auth)).toBe("401 — Check ANTHROPIC_API_KEY");
  });

  it("falls back to the message of any other error", () => {
    expect(describeError(new Error("something else"))).toBe("something else");
    expect(describeError("plain")).toBe("plain");
  });
});
