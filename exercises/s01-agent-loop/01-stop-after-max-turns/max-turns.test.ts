// s01/01: the loop stops after `maxTurns` model requests, answers every call it made, and the next
// prompt continues the same conversation. Drives ./agent-loop.ts against the fake Messages API.
import type Anthropic from "@anthropic-ai/sdk";
import { appendUserContent, type MessageParam } from "@lcc/s01";
import { assertPairingInvariant, type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import { startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { runAgentLoop } from "./agent-loop.ts";

const addCleanup = useCleanups();

/** A model that asks for one more shell command on each of its first `calls` replies, then answers. */
function busyModel(calls: number) {
  return (_request: unknown, index: number): FakeReply =>
    index < calls
      ? reply(toolUse("bash", { command: `echo step ${index + 1}` }, `toolu_${index + 1}`))
      : reply(text("All steps done."));
}

async function setup(calls: number) {
  const { fake, workspace, client, cleanup } = await startFakeModel({ script: busyModel(calls) });
  addCleanup(cleanup);
  const messages: MessageParam[] = [{ role: "user", content: "do every step" }];
  const run = (maxTurns: number | undefined) =>
    runAgentLoop(messages, {
      client,
      model: "claude-test",
      maxTokens: 1024,
      system: "test",
      workspace,
      signal: new AbortController().signal,
      onEvent: () => {},
      ...(maxTurns === undefined ? {} : { maxTurns }),
    });
  return { fake, messages, run };
}

describe("s01 loop with maxTurns", () => {
  it("stops after maxTurns requests while the model still wants tools, and says max_turns", async () => {
    const { fake, messages, run } = await setup(6);
    const reason = await run(3);
    expect(fake.messageRequests()).toHaveLength(3);
    expect(reason).toBe("max_turns");
    // The third call ran and was answered: the history ends on its result, which the API accepts.
    expect(messages.at(-1)).toMatchObject({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "toolu_3", content: "step 3\n[exit code 0]" }],
    });
  });

  it("lets a model that finishes within the limit end as before", async () => {
    const { fake, run } = await setup(1);
    expect(await run(2)).toBe("end_turn");
    expect(fake.messageRequests()).toHaveLength(2);
  });

  it("gives every run its own budget, and the next prompt continues the stopped conversation", async () => {
    const { fake, messages, run } = await setup(4);
    expect(await run(2)).toBe("max_turns");
    appendUserContent(messages, "go on");
    expect(await run(5)).toBe("end_turn");
    const requests = fake.messageRequests();
    expect(requests).toHaveLength(5);
    // The prompt joined the unanswered tool results: one user message, results first.
    const third = requests[2]!.body.messages.at(-1)!.content as Anthropic.ContentBlockParam[];
    expect(third.map((block) => block.type)).toEqual(["tool_result", "text"]);
    assertPairingInvariant(requests);
  });
});
