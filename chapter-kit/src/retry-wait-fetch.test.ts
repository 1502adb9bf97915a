// Retry waits against the fake API through the real SDK: short waits are announced and retried, a wait
// beyond the cap is refused at once with a message instead of a silent sleep.
import { faults, reply, startFakeApi, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createModelClient } from "./config.ts";
import { requestedWaitMs } from "./retry-wait-fetch.ts";

const addCleanup = useCleanups();

async function setup(retryAfterSeconds: number, maxRetryWaitMs: number) {
  const fake = await startFakeApi({
    script: [faults.rateLimit(retryAfterSeconds), reply(text("after the wait"))],
  });
  addCleanup(fake.close);
  const waits: string[] = [];
  const client = createModelClient(
    { apiKey: "k", baseURL: fake.baseURL, model: "m", maxTokens: 64 },
    { maxRetries: 2, maxRetryWaitMs, onRetryWait: (line) => waits.push(line) },
  );
  const ask = () =>
    client.messages.create({ model: "m", max_tokens: 64, messages: [{ role: "user", content: "hi" }] });
  return { fake, waits, ask };
}

describe("retry waits", () => {
  it("announces a wait within the cap and the SDK retries after it", async () => {
    const { waits, ask, fake } = await setup(0, 60_000);
    const message = await ask();
    expect(message.content).toEqual([expect.objectContaining({ text: "after the wait" })]);
    expect(waits).toEqual([expect.stringContaining("retrying in 0 s")]);
    expect(fake.messageRequests()).toHaveLength(2);
  });

  it("refuses a wait beyond the cap at once, says so, and surfaces the 429", async () => {
    const { waits, ask, fake } = await setup(3600, 60_000);
    const started = Date.now();
    await expect(ask()).rejects.toMatchObject({ status: 429 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(waits).toEqual([expect.stringContaining("asked to wait 3600 s, more than the 60 s")]);
    expect(fake.messageRequests()).toHaveLength(1);
  });

  it("reads retry-after-ms, retry-after seconds and dates", () => {
    expect(requestedWaitMs(new Headers({ "retry-after-ms": "1500" }))).toBe(1500);
    expect(requestedWaitMs(new Headers({ "retry-after": "3" }))).toBe(3000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(requestedWaitMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:10 GMT" }), now)).toBe(
      10_000,
    );
    expect(requestedWaitMs(new Headers({}))).toBeUndefined();
  });
});
