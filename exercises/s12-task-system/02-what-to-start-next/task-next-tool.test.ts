// Your task_next tool: the pick over the graph (pure), then the tool registered in the real s12 agent,
// which the fake model asks what to start before and after it has started work.
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup } from "@lcc/s02";
import { createTaskSetup, type Task } from "@lcc/s12";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createTaskNextTool, pickNextTask, waitingOn } from "./task-next-tool.ts";

const addCleanup = useCleanups();

/** A task as s12 stores it, with only what a test names. */
function task(id: number, extra: Partial<Task> = {}): Task {
  const at = "2026-12-06T12:00:00.000Z";
  return {
    id,
    subject: `Task ${id}`,
    description: "",
    status: "pending",
    owner: null,
    blockedBy: [],
    blocks: [],
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

function lastResult(request: RecordedRequest | undefined): string {
  const content = request?.body.messages.at(-1)?.content as Anthropic.ToolResultBlockParam[];
  return String(content[0]?.content);
}

describe("pickNextTask", () => {
  it("picks the ready task that unblocks the most work, counting tasks that wait through others", () => {
    const tasks = [
      task(1, { blocks: [3] }),
      task(2, { blocks: [4] }),
      task(3, { blockedBy: [1] }),
      task(4, { blockedBy: [2], blocks: [5] }),
      task(5, { blockedBy: [4] }),
    ];
    expect(waitingOn(tasks[1]!, tasks)).toEqual([4, 5]);
    expect(pickNextTask(tasks)?.id).toBe(2);
  });

  it("skips owned and started tasks, and takes the lowest id on a tie", () => {
    const tasks = [
      task(1, { owner: "alice", blocks: [4] }),
      task(2, { status: "in_progress" }),
      task(3),
      task(4, { blockedBy: [1] }),
      task(5),
    ];
    expect(pickNextTask(tasks)?.id).toBe(3);
    expect(pickNextTask([task(1, { status: "completed" })])).toBeUndefined();
  });
});

describe("task_next in the s12 agent", () => {
  it("names the task to start and how, then what blocks everything once work is under way", async () => {
    const agent = await startAgentTest(addCleanup, {
      script: [
        reply(
          toolUse("task_create", { subject: "Write the docs" }),
          toolUse("task_create", { subject: "Design the schema" }),
          toolUse("task_create", { subject: "Write the handlers", blockedBy: [2] }),
          toolUse("task_create", { subject: "Write the tests", blockedBy: [3] }),
        ),
        reply(toolUse("task_next", {})),
        reply(
          toolUse("task_update", { id: 2, status: "in_progress" }),
          toolUse("task_update", { id: 1, status: "in_progress" }),
        ),
        reply(toolUse("task_next", {})),
        reply(text("Both started.")),
      ],
      model: DEFAULT_MODEL,
      homePrefix: "lcc-exercise-home-",
      createAgent: ({ home, ...context }) =>
        createSessionAgent(async (setup) => {
          const base = await createTaskSetup(setup, { permissions: { mode: "acceptEdits" }, home });
          return extendSetup(base, { tools: [createTaskNextTool(base.tasks)] });
        }, context),
    });
    await agent.run("Plan the API work and start on it.");
    const requests = agent.requests();
    expect(lastResult(requests[2])).toBe(
      'Next: #2 Design the schema (unblocks 2 tasks). Start it with task_update {"id": 2, "status": "in_progress"}.',
    );
    expect(lastResult(requests[4])).toContain("Nothing is ready to start");
    expect(lastResult(requests[4])).toContain("In progress: #1 Write the docs, #2 Design the schema.");
  });
});
