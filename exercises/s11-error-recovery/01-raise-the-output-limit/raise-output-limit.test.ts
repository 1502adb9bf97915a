// Your output-limit escalation as the innermost model wrapper of the real s11 agent: a cut-off reply is
// asked for again with a higher max_tokens; s11's continuation only runs when that is cut off too.
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup } from "@lcc/s02";
import { CONTINUE_INSTRUCTION, createRecoverySetup } from "@lcc/s11";
import { type FakeReply, reply, text } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createOutputLimitEscalation, ESCALATED_MAX_TOKENS } from "./raise-output-limit.ts";

const addCleanup = useCleanups();

function cutOff(words: string): FakeReply {
  return { ...reply(text(words)), stop_reason: "max_tokens" };
}

/** The s11 agent (session max_tokens 1024) with the escalation added last, so it wraps the bare call. */
async function start(script: FakeReply[], ceiling?: number) {
  return startAgentTest(addCleanup, {
    script,
    model: DEFAULT_MODEL,
    homePrefix: "lcc-exercise-home-",
    createAgent: ({ home, ...context }) =>
      createSessionAgent(async (setup) => {
        const base = await createRecoverySetup(setup, { permissions: { mode: "acceptEdits" }, home });
        return extendSetup(base, { hooks: [createOutputLimitEscalation(ceiling)] });
      }, context),
  });
}

function textOf(message: Anthropic.MessageParam): string {
  if (typeof message.content === "string") return message.content;
  return message.content.map((block) => (block.type === "text" ? block.text : `[${block.type}]`)).join("");
}

describe("the output-limit escalation", () => {
  it("sends a cut-off request again with the higher limit and keeps only the whole reply", async () => {
    const agent = await start([
      cutOff("The steps are: one, two"),
      reply(text("The steps are: one, two, three.")),
    ]);
    await agent.run("List the steps.");
    const requests = agent.requests();
    expect(requests.map((request) => request.body.max_tokens)).toEqual([1024, ESCALATED_MAX_TOKENS]);
    expect(requests[1]?.body.messages).toEqual(requests[0]?.body.messages);
    expect(agent.agent.state.messages.map(textOf)).toEqual([
      "List the steps.",
      "The steps are: one, two, three.",
    ]);
  });

  it("escalates once: a reply cut off at the higher limit goes on with s11's continuation", async () => {
    const agent = await start([
      cutOff("Part one"),
      cutOff("Part one, part two"),
      reply(text(", part three.")),
    ]);
    await agent.run("Write it all.");
    const requests = agent.requests();
    expect(requests.map((request) => request.body.max_tokens)).toEqual([1024, ESCALATED_MAX_TOKENS, 1024]);
    expect(textOf(requests[2]!.body.messages.at(-1)!)).toBe(CONTINUE_INSTRUCTION);
    expect(agent.agent.state.messages.map(textOf)).toEqual([
      "Write it all.",
      "Part one, part two",
      CONTINUE_INSTRUCTION,
      ", part three.",
    ]);
  });

  it("leaves a request already at the ceiling, and a reply that was not cut off, as they are", async () => {
    const agent = await start([cutOff("Half"), reply(text(" and the rest.")), reply(text("Short."))], 1024);
    await agent.run("Explain.");
    await agent.run("Again, briefly.");
    const requests = agent.requests();
    expect(requests.map((request) => request.body.max_tokens)).toEqual([1024, 1024, 1024]);
    expect(textOf(requests[1]!.body.messages.at(-1)!)).toBe(CONTINUE_INSTRUCTION);
  });
});
