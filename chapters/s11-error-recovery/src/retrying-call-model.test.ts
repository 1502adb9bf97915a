// The retry policy through the real agent on the fake API: which failures are retried, how long each
// wait is, what the user sees, when it gives up, and that the history holds each message once.
import { type AgentEvent, createStreamingCallModel } from "@lcc/s02";
import { type FakeReply, faults, reply, startFakeApi, text } from "@lcc/testkit";
import { createFakeClient, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { expectEachMessageOnce, textOf } from "./history-checks.ts";
import { ModelCallError } from "./model-call-error.ts";
import { createRecoveryHooks } from "./recovery-hooks.ts";
import { DEFAULT_RETRY_POLICY } from "./retry-policy.ts";
import { closedPort, instantTime, testAgentSetup } from "./test-agent.ts";

const addCleanup = useCleanups();

const start = testAgentSetup(addCleanup);

function retries(events: AgentEvent[]) {
  return events.flatMap((event) => (event.type === "model_retry" ? [event] : []));
}

function endOf(events: AgentEvent[]) {
  return events.findLast((event) => event.type === "agent_end");
}

describe("the retry policy", () => {
  it("retries 529 twice and ends with the answer; the user sees each wait; each message once", async () => {
    const session = await start({
      script: [faults.overloaded(), faults.overloaded(), reply(text("The answer is 42."))],
    });

    await session.run("What is the answer?");

    const requests = session.requests();
    expect(requests).toHaveLength(3);
    // The retried requests are the same request: nothing was added or lost in between.
    expect(requests[1]?.body).toEqual(requests[0]?.body);
    expect(requests[2]?.body).toEqual(requests[0]?.body);
    expect(retries(session.events)).toEqual([
      { type: "model_retry", attempt: 1, attempts: 6, delayMs: 1000, reason: "overloaded", status: 529 },
      { type: "model_retry", attempt: 2, attempts: 6, delayMs: 2000, reason: "overloaded", status: 529 },
    ]);
    expect(session.time.sleeps).toEqual([1000, 2000]);
    expect(session.output()).toContain("⟳ overloaded, retry 1/6 in 1 s");
    expect(session.output()).toContain("⟳ overloaded, retry 2/6 in 2 s");
    expect(endOf(session.events)).toMatchObject({ reason: "end_turn" });
    expect(session.agent.state.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "What is the answer?" }] },
      { role: "assistant", content: [{ type: "text", text: "The answer is 42." }] },
    ]);
  });

  it.each([
    {
      name: "500",
      fault: faults.serverError(),
      reason: "server_error",
      shown: "server error 500, retry 1/4",
    },
    {
      name: "502",
      fault: faults.serverError(502),
      reason: "server_error",
      shown: "server error 502, retry 1/4",
    },
    {
      name: "503",
      fault: faults.serverError(503),
      reason: "server_error",
      shown: "server error 503, retry 1/4",
    },
    {
      name: "504",
      fault: faults.serverError(504),
      reason: "server_error",
      shown: "server error 504, retry 1/4",
    },
    {
      name: "a connection reset",
      fault: faults.connectionReset(),
      reason: "connection",
      shown: "connection failed, retry 1/4",
    },
    {
      name: "an overloaded event mid-stream",
      fault: faults.sseError(),
      reason: "overloaded",
      shown: "overloaded, retry 1/6",
    },
    {
      name: "a malformed stream",
      fault: faults.malformedStream(),
      reason: "stream_interrupted",
      shown: "stream cut off, retry 1/4",
    },
  ])("retries after $name", async ({ fault, reason, shown }) => {
    const session = await start({ script: [fault, reply(text("Recovered."))] });

    await session.run("Go.");

    expect(session.requests()).toHaveLength(2);
    expect(retries(session.events)).toMatchObject([{ attempt: 1, delayMs: 1000, reason }]);
    expect(session.output()).toContain(shown);
    expect(textOf(session.agent.state.messages.at(-1))).toBe("Recovered.");
    expectEachMessageOnce(session.agent.state.messages);
  });

  it("discards the partial reply of a stream that died mid-message", async () => {
    const partial = { ...reply(text("First half of a reply that never ends")), ...faults.dropMidStream(10) };
    const session = await start({ script: [partial, reply(text("The whole reply."))] });

    await session.run("Go.");

    expect(retries(session.events)).toMatchObject([{ reason: "stream_interrupted", attempt: 1 }]);
    expect(session.agent.state.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "Go." }] },
      { role: "assistant", content: [{ type: "text", text: "The whole reply." }] },
    ]);
    expect(JSON.stringify(session.requests()[1]?.body.messages)).not.toContain("First half");
  });

  it("honours retry-after and retry-after-ms instead of the backoff", async () => {
    const session = await start({
      script: [faults.rateLimit(7), faults.rateLimitMs(250), reply(text("Done."))],
    });

    await session.run("Go.");

    expect(session.time.sleeps).toEqual([7000, 250]);
    expect(session.output()).toContain("rate limited, retry 1/4 in 7 s");
    expect(session.output()).toContain("rate limited, retry 2/4 in 0.3 s");
    expect(textOf(session.agent.state.messages.at(-1))).toBe("Done.");
  });

  it("refuses a retry-after beyond the cap at once, naming LCC_MAX_RETRY_WAIT_SECONDS", async () => {
    const session = await start({ script: [faults.rateLimit(120), reply(text("never"))] });

    await session.run("Go.");

    expect(session.requests()).toHaveLength(1);
    expect(session.time.sleeps).toEqual([]);
    const end = endOf(session.events);
    expect(end).toMatchObject({ reason: "error" });
    expect(end && "error" in end ? end.error : undefined).toBeInstanceOf(ModelCallError);
    expect(session.output()).toContain("asks to wait 120 s, more than the 60 s");
    expect(session.output()).toContain("LCC_MAX_RETRY_WAIT_SECONDS");
    expect(session.agent.state.messages).toHaveLength(1);
  });

  it("waits longer when LCC_MAX_RETRY_WAIT_SECONDS allows it", async () => {
    const session = await start({
      script: [faults.rateLimit(120), reply(text("Done."))],
      env: { LCC_MAX_RETRY_WAIT_SECONDS: "300" },
    });

    await session.run("Go.");

    expect(session.time.sleeps).toEqual([120_000]);
    expect(textOf(session.agent.state.messages.at(-1))).toBe("Done.");
  });

  it("gives up after 4 retries of a server error and 6 of an overload", async () => {
    const session = await start({
      script: [
        ...Array<FakeReply>(5).fill(faults.serverError(503)),
        ...Array<FakeReply>(7).fill(faults.overloaded()),
      ],
    });

    await session.run("First.");
    await session.run("Second.");

    expect(session.requests()).toHaveLength(12);
    expect(session.time.sleeps).toEqual([1000, 2000, 4000, 8000, 1000, 2000, 4000, 8000, 16000, 30000]);
    expect(session.output()).toContain("server error 503: gave up after 4 retries");
    expect(session.output()).toContain("overloaded: gave up after 6 retries");
    // Two prompts, no reply: the second prompt joins the first user message, nothing doubled.
    expect(session.agent.state.messages).toHaveLength(1);
  });

  it("retries a refused connection 4 times, then says it gave up", async () => {
    const session = await start({
      script: [reply(text("never"))],
      client: { baseURL: `http://127.0.0.1:${await closedPort()}` },
    });

    await session.run("Go.");

    expect(session.time.sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(retries(session.events).map((event) => event.reason)).toEqual(Array(4).fill("connection"));
    expect(session.output()).toContain("connection failed, retry 4/4 in 8 s");
    expect(session.output()).toContain("connection failed: gave up after 4 retries");
    expect(session.fake.messageRequests()).toHaveLength(0);
    expect(session.agent.state.messages).toHaveLength(1);
  });

  it("retries a request that timed out", async () => {
    const session = await start({
      script: [{ ...reply(text("too late")), delayMs: 1000 }, reply(text("In time."))],
      client: { timeout: 100 },
    });

    await session.run("Go.");

    expect(retries(session.events)).toMatchObject([{ reason: "timeout", attempt: 1 }]);
    expect(session.output()).toContain("request timed out, retry 1/4 in 1 s");
    expect(session.agent.state.messages.map(textOf)).toEqual(["Go.", "In time."]);
  });

  it("stops at once on 401, naming ANTHROPIC_API_KEY", async () => {
    const session = await start({ script: [faults.auth(), reply(text("never"))] });

    await session.run("Go.");

    expect(session.requests()).toHaveLength(1);
    expect(retries(session.events)).toEqual([]);
    expect(session.output()).toContain(
      "Model request failed: 401 authentication_error: invalid x-api-key — Check ANTHROPIC_API_KEY: the API refused it.",
    );
    expect(session.output()).toContain("Not retried.");
  });

  it("stops at once on 403, naming ANTHROPIC_BASE_URL when it is set", async () => {
    const session = await start({
      script: [faults.auth(403), reply(text("never"))],
      env: { ANTHROPIC_BASE_URL: "https://proxy.example" },
    });

    await session.run("Go.");

    expect(session.requests()).toHaveLength(1);
    expect(session.output()).toContain("ANTHROPIC_BASE_URL=https://proxy.example");
  });

  it("Ctrl-C during a wait ends the run at once, with nothing added to the history", async () => {
    const controller = new AbortController();
    const session = await start({
      script: [faults.overloaded(), reply(text("never"))],
      options: {
        recoveryTime: {
          sleep: async (_ms, signal) => {
            controller.abort();
            await new Promise((resolve) => setTimeout(resolve, 5));
            signal.throwIfAborted();
          },
        },
      },
    });

    await session.run("Go.", controller.signal);

    expect(session.requests()).toHaveLength(1);
    expect(endOf(session.events)).toMatchObject({ reason: "aborted" });
    expect(session.agent.state.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "Go." }] },
    ]);
  });

  it("a subagent's model calls get the same policy", async () => {
    const api = await startFakeApi({ script: [faults.serverError(502), reply(text("child answer"))] });
    addCleanup(() => api.close());
    const events: AgentEvent[] = [];
    const time = instantTime();
    const { childHooks } = createRecoveryHooks({
      policy: DEFAULT_RETRY_POLICY,
      time,
      emit: (event) => events.push(event),
      authHint: "",
    });
    const callModel = childHooks.wrapCallModel?.(createStreamingCallModel(createFakeClient(api).client));
    const message = await callModel?.(
      {
        model: "claude-test",
        max_tokens: 100,
        system: "",
        tools: [],
        messages: [{ role: "user", content: "hi" }],
      },
      { signal: new AbortController().signal, onTextDelta: () => {} },
    );

    expect(message?.content).toEqual([{ type: "text", text: "child answer" }]);
    expect(retries(events)).toMatchObject([{ reason: "server_error", status: 502 }]);
  });
});
