// 400 prompt too long: the conversation is compacted with s06's manager, installed, and the call
// retried once; a second refusal ends the run with a clear message.
import type { AgentEvent } from "@lcc/s02";
import { faults, reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { expectEachMessageOnce, textOf } from "./history-checks.ts";
import { testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

const SUMMARY = "Summary: the user asked two questions about the build; the first was answered.";

function ofType<Type extends AgentEvent["type"]>(events: AgentEvent[], type: Type) {
  return events.filter((event): event is Extract<AgentEvent, { type: Type }> => event.type === type);
}

describe("prompt too long", () => {
  it("compacts the conversation, installs it, and retries once with it", async () => {
    const session = await start({
      script: [
        reply(text("First answer.")),
        faults.promptTooLong(),
        reply(text(SUMMARY)),
        reply(text("Second answer.")),
      ],
    });

    await session.run("First question?");
    await session.run("Second question?");

    const requests = session.requests();
    expect(requests).toHaveLength(4);
    expect(ofType(session.events, "model_retry")).toMatchObject([
      { reason: "prompt_too_long", attempt: 1, attempts: 1, delayMs: 0, status: 400 },
    ]);
    expect(ofType(session.events, "compaction_end")).toMatchObject([
      { kind: "full", trigger: "auto", ok: true },
    ]);
    expect(session.output()).toContain("prompt too long: compacting the conversation, then retrying once");
    const history = session.agent.state.messages;
    // The retry sent the compacted history (through prompt caching, which marked its last block), and
    // the history now is that plus the answer.
    const sent = JSON.stringify(requests[3]?.body.messages);
    expect(sent).toContain('"cache_control":{"type":"ephemeral"}');
    expect(sent.replaceAll(',"cache_control":{"type":"ephemeral"}', "")).toBe(
      JSON.stringify(history.slice(0, -1)),
    );
    expect(JSON.stringify(history)).toContain(SUMMARY);
    expect(JSON.stringify(history)).toContain("Second question?");
    expect(JSON.stringify(history)).not.toContain("First answer.");
    expect(textOf(history.at(-1))).toBe("Second answer.");
    expect(ofType(session.events, "agent_end").at(-1)).toMatchObject({ reason: "end_turn" });
    expectEachMessageOnce(history);
  });

  it("retries the compaction's summary request by the same policy (a 529 does not end the run)", async () => {
    const session = await start({
      script: [
        reply(text("First answer.")),
        faults.promptTooLong(),
        faults.overloaded(),
        reply(text(SUMMARY)),
        reply(text("Second answer.")),
      ],
    });

    await session.run("First question?");
    await session.run("Second question?");

    expect(session.requests()).toHaveLength(5);
    expect(ofType(session.events, "model_retry")).toMatchObject([
      { reason: "prompt_too_long" },
      { reason: "overloaded", attempt: 1 },
    ]);
    expect(ofType(session.events, "compaction_end")).toMatchObject([{ ok: true }]);
    expect(textOf(session.agent.state.messages.at(-1))).toBe("Second answer.");
    expectEachMessageOnce(session.agent.state.messages);
  });

  it("ends the run when the compacted prompt is still too long, keeping the compacted history", async () => {
    const session = await start({
      script: [
        reply(text("First answer.")),
        faults.promptTooLong(),
        reply(text(SUMMARY)),
        faults.promptTooLong(),
      ],
    });

    await session.run("First question?");
    await session.run("Second question?");

    expect(session.requests()).toHaveLength(4);
    expect(ofType(session.events, "model_retry")).toHaveLength(1);
    expect(ofType(session.events, "agent_end").at(-1)).toMatchObject({ reason: "error" });
    expect(session.output()).toContain("The prompt is still too long after compacting the conversation");
    expect(JSON.stringify(session.agent.state.messages)).toContain(SUMMARY);
    expectEachMessageOnce(session.agent.state.messages);
  });

  it("ends the run when the compaction itself fails, the history unchanged", async () => {
    const session = await start({
      script: [reply(text("First answer.")), faults.promptTooLong(), faults.auth()],
    });

    await session.run("First question?");
    await session.run("Second question?");

    expect(session.requests()).toHaveLength(3);
    expect(session.output()).toContain("The prompt is too long and compacting failed");
    expect(session.agent.state.messages.map(textOf)).toEqual([
      "First question?",
      "First answer.",
      "Second question?",
    ]);
  });
});
