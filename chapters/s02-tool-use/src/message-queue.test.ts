// The message queue through the real loop: what arrives during a tool run joins the next request after
// the tool results; what arrives as the model gives its final answer keeps the loop going.
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AgentHooks } from "./hooks.ts";
import { createMessageQueue } from "./message-queue.ts";
import { testLoopSetup } from "./test-loop.ts";
import { defineTool } from "./tool.ts";

const startLoop = testLoopSetup(useCleanups());

describe("s02 message queue in the loop", () => {
  it("joins messages queued during a tool run to the next request's last user message, after the tool results", async () => {
    const queue = createMessageQueue();
    const background = defineTool({
      name: "start_job",
      description: "Starts a job whose results arrive later.",
      input: z.object({}),
      async run() {
        queue.push({ source: "background", content: "<background-results>job 1 done</background-results>" });
        queue.push({ source: "inbox:alice", content: [{ type: "text", text: "alice: ping" }] });
        return "started";
      },
    });
    const { run, requests, lastBlocks, eventsOf } = await startLoop(
      [reply(toolUse("start_job", {}, "t1")), reply(text("ok"))],
      { tools: [background], queue },
    );
    await run();
    expect(requests()[1]!.body.messages.map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "user",
    ]);
    expect(lastBlocks(1)).toEqual([
      { type: "tool_result", tool_use_id: "t1", content: "started", is_error: false },
      { type: "text", text: "<background-results>job 1 done</background-results>" },
      { type: "text", text: "alice: ping" },
    ]);
    expect(eventsOf("queue_drained")).toEqual([
      { type: "queue_drained", sources: ["background", "inbox:alice"] },
    ]);
    expect(queue.size()).toBe(0);
    assertPairingInvariant(requests());
  });

  it("keeps the loop going when messages are queued while the model writes its final answer", async () => {
    const queue = createMessageQueue();
    let answers = 0;
    const hooks: AgentHooks = {
      // The message lands after the model's final answer, before the loop decides to end.
      wrapCallModel: (next) => async (request, options) => {
        const message = await next(request, options);
        if (answers++ === 0) queue.push({ source: "cron", content: "It is 9:00: run the report." });
        return message;
      },
    };
    const { run, requests, eventsOf } = await startLoop([reply(text("done")), reply(text("Report run."))], {
      hooks,
      queue,
    });
    expect(await run()).toEqual({ reason: "end_turn", turns: 2 });
    expect(requests()[1]!.body.messages).toEqual([
      { role: "user", content: "go" },
      { role: "assistant", content: [{ type: "text", text: "done" }] },
      { role: "user", content: [{ type: "text", text: "It is 9:00: run the report." }] },
    ]);
    expect(eventsOf("loop_continue")).toEqual([
      { type: "loop_continue", turn: 1, reason: "queued_messages" },
    ]);
    expect(eventsOf("queue_drained")).toEqual([{ type: "queue_drained", sources: ["cron"] }]);
    assertPairingInvariant(requests());
  });

  it("leaves a betweenTurns message out of a running turn and gives it to the next run's first request", async () => {
    const queue = createMessageQueue();
    const job = defineTool({
      name: "start_job",
      description: "Starts a job; a scheduled prompt comes due meanwhile.",
      input: z.object({}),
      async run() {
        queue.push({
          source: "cron",
          content: "<scheduled-prompt>report</scheduled-prompt>",
          betweenTurns: true,
        });
        queue.push({ source: "background", content: "<background-results>done</background-results>" });
        return "started";
      },
    });
    const { run, requests, lastBlocks } = await startLoop(
      [reply(toolUse("start_job", {}, "t1")), reply(text("ok")), reply(text("Report written."))],
      { tools: [job], queue },
    );
    expect(await run()).toEqual({ reason: "end_turn", turns: 2 });
    expect(lastBlocks(1)).toEqual([
      { type: "tool_result", tool_use_id: "t1", content: "started", is_error: false },
      { type: "text", text: "<background-results>done</background-results>" },
    ]);
    expect(queue.size()).toBe(1);
    expect(queue.size("running_turn")).toBe(0);
    await run();
    expect(lastBlocks(2)).toContainEqual({
      type: "text",
      text: "<scheduled-prompt>report</scheduled-prompt>",
    });
    expect(queue.size()).toBe(0);
    assertPairingInvariant(requests());
  });

  it("withdraws one source's messages undelivered (no onDrained), the others kept in order", () => {
    const queue = createMessageQueue();
    const drained: string[] = [];
    const push = (source: string, content: string) =>
      queue.push({ source, content, onDrained: () => drained.push(content) });
    push("you", "a");
    push("inbox", "b");
    push("you", "c");
    push("cron", "d");
    expect(queue.withdraw("you").map((message) => message.content)).toEqual(["a", "c"]);
    expect(drained).toEqual([]);
    expect(queue.withdraw("you")).toEqual([]);
    expect(queue.drain().map((message) => message.content)).toEqual(["b", "d"]);
    expect(drained).toEqual(["b", "d"]);
  });

  it("calls onDrained once when a drain hands a message out, never for one still waiting", () => {
    const queue = createMessageQueue();
    const drained: string[] = [];
    queue.push({
      source: "cron",
      content: "later",
      betweenTurns: true,
      onDrained: () => drained.push("cron"),
    });
    queue.push({ source: "inbox", content: "now", onDrained: () => drained.push("inbox") });
    queue.push({
      source: "broken",
      content: "x",
      onDrained: () => {
        throw new Error("listener bug");
      },
    });
    expect(queue.drain("running_turn").map((message) => message.source)).toEqual(["inbox", "broken"]);
    expect(drained).toEqual(["inbox"]);
    expect(queue.drain().map((message) => message.source)).toEqual(["cron"]);
    expect(drained).toEqual(["inbox", "cron"]);
    queue.drain();
    expect(drained).toEqual(["inbox", "cron"]);
  });
});
