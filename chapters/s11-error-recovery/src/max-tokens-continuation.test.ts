// stop_reason max_tokens: the model is asked to continue (≤ 3 times per prompt); a cut-off tool_use is
// answered with an is_error result and never run.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { AgentEvent } from "@lcc/s02";
import { type FakeReply, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { expectEachMessageOnce, textOf } from "./history-checks.ts";
import { CONTINUE_INSTRUCTION } from "./max-tokens-continuation.ts";
import { testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

function cutOff(...blocks: Parameters<typeof reply>): FakeReply {
  return { ...reply(...blocks), stop_reason: "max_tokens" };
}

function continuations(events: AgentEvent[]) {
  return events.filter((event) => event.type === "loop_continue" && event.reason === "max_tokens");
}

describe("max_tokens continuation", () => {
  it("asks the model to continue after a cut-off reply, then ends normally", async () => {
    const session = await start({
      script: [cutOff(text("The three steps are: one, two")), reply(text(", and three."))],
    });

    await session.run("List the steps.");

    const requests = session.requests();
    expect(requests).toHaveLength(2);
    expect(continuations(session.events)).toHaveLength(1);
    expect(session.output()).toContain(
      "↻ reply cut off at the output token limit: asking the model to continue",
    );
    expect(session.agent.state.messages.map(textOf)).toEqual([
      "List the steps.",
      "The three steps are: one, two",
      CONTINUE_INSTRUCTION,
      ", and three.",
    ]);
    expect(session.events.findLast((event) => event.type === "agent_end")).toMatchObject({
      reason: "end_turn",
    });
    expectEachMessageOnce(session.agent.state.messages);
  });

  it("answers a cut-off tool call with an error, never runs it, and puts the instruction after the result", async () => {
    const session = await start({
      script: [
        cutOff(text("Writing the file."), toolUse("write_file", { path: "notes.md", content: "half" })),
        reply(toolUse("write_file", { path: "notes.md", content: "whole" })),
        reply(text("Written.")),
      ],
    });

    await session.run("Write notes.md.");

    const second = session.requests()[1]?.body.messages.at(-1);
    expect(second?.role).toBe("user");
    const blocks = Array.isArray(second?.content) ? second.content : [];
    expect(blocks).toMatchObject([
      {
        type: "tool_result",
        is_error: true,
        content: expect.stringContaining("Not run: the reply stopped (max_tokens)"),
      },
      { type: "text", text: CONTINUE_INSTRUCTION },
    ]);
    expect(session.events.filter((event) => event.type === "tool_start")).toHaveLength(1);
    expect(existsSync(join(session.workspace, "notes.md"))).toBe(true);
    expectEachMessageOnce(session.agent.state.messages);
  });

  it("continues at most 3 times per prompt, then the run ends with max_tokens; the next prompt starts afresh", async () => {
    const session = await start({
      script: [
        cutOff(text("part 1")),
        cutOff(text("part 2")),
        cutOff(text("part 3")),
        cutOff(text("part 4")),
        cutOff(text("again 1")),
        reply(text("again 2, done.")),
      ],
    });

    await session.run("Write a lot.");
    expect(session.requests()).toHaveLength(4);
    expect(continuations(session.events)).toHaveLength(3);
    expect(session.events.findLast((event) => event.type === "agent_end")).toMatchObject({
      reason: "max_tokens",
    });

    await session.run("Once more.");
    expect(session.requests()).toHaveLength(6);
    expect(continuations(session.events)).toHaveLength(4);
    expectEachMessageOnce(session.agent.state.messages);
  });
});
