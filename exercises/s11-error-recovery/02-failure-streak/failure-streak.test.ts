// Your failure-streak guard after s11's own afterTurn seams in the real agent: the model reads one file
// after another that does not exist; the third failing round gets a reminder, a fourth ends the run.
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent, extendSetup } from "@lcc/s02";
import { createRecoverySetup } from "@lcc/s11";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createFailureStreakGuard, failureStreakReminder } from "./failure-streak.ts";

const addCleanup = useCleanups();

const readMissing = (name: string) => reply(toolUse("read_file", { path: `${name}.txt` }));

async function start(script: FakeReply[]) {
  const events: AgentEvent[] = [];
  const started = await startAgentTest(addCleanup, {
    script,
    files: { "notes.md": "# Notes\n" },
    model: DEFAULT_MODEL,
    homePrefix: "lcc-exercise-home-",
    createAgent: async ({ home, ...context }) => {
      const agent = await createSessionAgent(async (setup) => {
        const base = await createRecoverySetup(setup, { permissions: { mode: "acceptEdits" }, home });
        return extendSetup(base, { hooks: [createFailureStreakGuard()] });
      }, context);
      agent.subscribe((event) => events.push(event));
      return agent;
    },
  });
  return { ...started, events };
}

/** The text blocks after the tool results in a request's last message. */
function textsAfterResults(request: RecordedRequest | undefined): string[] {
  const content = request?.body.messages.at(-1)?.content as Anthropic.ContentBlockParam[];
  return content.flatMap((block) => (block.type === "text" ? [block.text] : []));
}

describe("the failure-streak guard", () => {
  it("reminds the model after three rounds of failing calls, then lets a working call go on", async () => {
    const agent = await start([
      readMissing("a"),
      readMissing("b"),
      readMissing("c"),
      reply(toolUse("read_file", { path: "notes.md" })),
      reply(text("Found the notes.")),
    ]);
    await agent.run("Find the notes.");
    const requests = agent.requests();
    expect(requests).toHaveLength(5);
    expect(textsAfterResults(requests[3])).toEqual([failureStreakReminder("read_file", 3)]);
    expect(textsAfterResults(requests[4])).toEqual([]);
    expect(agent.events.filter((event) => event.type === "loop_continue")).toEqual([
      expect.objectContaining({ reason: "failure_streak" }),
    ]);
    expect(agent.events.findLast((event) => event.type === "agent_end")).toMatchObject({
      reason: "end_turn",
    });
  });

  it("ends the run when every call still fails after the reminder, and says why", async () => {
    const agent = await start([
      readMissing("a"),
      readMissing("b"),
      readMissing("c"),
      readMissing("d"),
      reply(text("never asked")),
    ]);
    await agent.run("Find the notes.");
    expect(agent.requests()).toHaveLength(4);
    expect(agent.events.findLast((event) => event.type === "agent_end")).toMatchObject({
      reason: "stopped",
      detail: expect.stringContaining("every tool call failed 4 rounds in a row (read_file)"),
    });
  });

  it("does not count across a working call or a reply that calls no tool", async () => {
    const agent = await start([
      readMissing("a"),
      readMissing("b"),
      reply(toolUse("read_file", { path: "notes.md" })),
      readMissing("c"),
      readMissing("d"),
      reply(text("Stopping here.")),
      readMissing("e"),
      reply(text("Not there either.")),
    ]);
    await agent.run("Find the notes.");
    await agent.run("And e.txt?");
    const requests = agent.requests();
    expect(requests).toHaveLength(8);
    expect(requests.flatMap(textsAfterResults).filter((line) => line.includes("system-reminder"))).toEqual(
      [],
    );
  });
});
