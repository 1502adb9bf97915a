// s01/02: the loop reports, per model request, the input and output tokens the API counted. Drives
// ./agent-loop.ts against the fake Messages API, which records the usage it reported for each request.
import type { MessageParam } from "@lcc/s01";
import { assertPairingInvariant, reply, type Script, text, toolUse } from "@lcc/testkit";
import { startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { type LoopEvent, runAgentLoop } from "./agent-loop.ts";

const addCleanup = useCleanups();

async function setup(script: Script) {
  const { fake, workspace, client, cleanup } = await startFakeModel({ script });
  addCleanup(cleanup);
  const events: LoopEvent[] = [];
  const messages: MessageParam[] = [{ role: "user", content: "what is here?" }];
  const run = () =>
    runAgentLoop(messages, {
      client,
      model: "claude-test",
      maxTokens: 1024,
      system: "test",
      workspace,
      signal: new AbortController().signal,
      onEvent: (event) => events.push(event),
    });
  return { fake, events, run };
}

const lsThenAnswer: Script = [
  { ...reply(text("Let me look."), toolUse("bash", { command: "echo README.md" })), outputTokens: 42 },
  { ...reply(text("There is a README.")), outputTokens: 17 },
];

describe("s01 loop reporting token usage", () => {
  it("emits one turn_usage per request with the tokens the API reported", async () => {
    const { fake, events, run } = await setup(lsThenAnswer);
    expect(await run()).toBe("end_turn");
    const reported = fake.messageRequests().map((request) => request.usage!);
    expect(events.filter((event) => event.type === "turn_usage")).toEqual([
      { type: "turn_usage", turn: 1, inputTokens: reported[0]!.input_tokens, outputTokens: 42 },
      { type: "turn_usage", turn: 2, inputTokens: reported[1]!.input_tokens, outputTokens: 17 },
    ]);
    // The second request carries the first reply and its tool result: more input tokens.
    expect(reported[1]!.input_tokens).toBeGreaterThan(reported[0]!.input_tokens);
    assertPairingInvariant(fake.messageRequests());
  });

  it("reports a turn's usage as soon as its reply is complete, before its tools run", async () => {
    const { events, run } = await setup(lsThenAnswer);
    await run();
    const order = events.filter((event) => event.type !== "text_delta").map((event) => event.type);
    expect(order).toEqual(["turn_usage", "tool_start", "tool_end", "turn_usage"]);
  });

  it("reports the usage of a reply cut off by max_tokens too", async () => {
    const { events, run } = await setup([
      { ...reply(text("A very long answer that")), stop_reason: "max_tokens", outputTokens: 1024 },
    ]);
    expect(await run()).toBe("max_tokens");
    expect(events.at(-1)).toMatchObject({ type: "turn_usage", turn: 1, outputTokens: 1024 });
  });
});
