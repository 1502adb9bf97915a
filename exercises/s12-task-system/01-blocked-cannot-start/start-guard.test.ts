// Your start guard in the real s12 agent: task_update passes it to the store, so a task whose blocker is
// open stays pending and the model is told what it waits for and what it can start instead.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, defineTool, ToolError } from "@lcc/s02";
import { createTaskSetup, describeUpdate, type Task, type TaskStore } from "@lcc/s12";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { startGuard } from "./start-guard.ts";

const addCleanup = useCleanups();

/** A task as s12 stores it, with only what a test names. */
function task(id: number, subject: string, extra: Partial<Task> = {}): Task {
  const at = "2026-12-06T12:00:00.000Z";
  return {
    id,
    subject,
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

/** s12's task_update cut down to status and owner, passing your guard to the store. */
function createGuardedUpdateTool(store: TaskStore) {
  return defineTool({
    name: "task_update",
    ownStateOnly: true,
    description: "Change one task's status or owner.",
    input: z.object({
      id: z.number().int().positive(),
      status: z.enum(["pending", "in_progress", "completed"]).optional(),
      owner: z.string().optional(),
    }),
    async run({ id, ...changes }) {
      return describeUpdate(await store.update(id, changes, startGuard(changes)));
    },
  });
}

/** The s12 agent with the guarded task_update in place of its own. */
async function start(script: Parameters<typeof startAgentTest>[1]["script"]) {
  return startAgentTest(addCleanup, {
    script,
    model: DEFAULT_MODEL,
    homePrefix: "lcc-exercise-home-",
    createAgent: ({ home, ...context }) =>
      createSessionAgent(async (setup) => {
        const base = await createTaskSetup(setup, { permissions: { mode: "acceptEdits" }, home });
        const tools = base.tools.map((tool) =>
          tool.name === "task_update" ? createGuardedUpdateTool(base.tasks) : tool,
        );
        return { ...base, tools };
      }, context),
  });
}

function toolResults(request: RecordedRequest | undefined) {
  const content = request?.body.messages.at(-1)?.content as Anthropic.ToolResultBlockParam[];
  return content.map((block) => ({ text: String(block.content), isError: block.is_error === true }));
}

async function statusOf(workspace: string, id: number): Promise<string> {
  return JSON.parse(await readFile(join(workspace, ".lcc", "tasks", `${id}.json`), "utf8")).status;
}

describe("startGuard", () => {
  const tasks = [
    task(1, "Design the schema", { blocks: [2] }),
    task(2, "Write the handlers", { blockedBy: [1] }),
    task(3, "Write the docs"),
  ];

  it("refuses to start a task whose blocker is open, naming the blocker and what is ready", () => {
    const guard = startGuard({ status: "in_progress" });
    expect(() => guard(tasks[1]!, tasks)).toThrow(ToolError);
    expect(() => guard(tasks[1]!, tasks)).toThrow(/waits for #1 \(Design the schema, pending\)/);
    expect(() => guard(tasks[1]!, tasks)).toThrow(/Ready now: #1 Design the schema; #3 Write the docs/);
  });

  it("lets a task start once its blockers are completed, and lets other changes through", () => {
    const done = [{ ...tasks[0]!, status: "completed" as const }, tasks[1]!, tasks[2]!];
    expect(() => startGuard({ status: "in_progress" })(done[1]!, done)).not.toThrow();
    expect(() => startGuard({ owner: "alice" })(tasks[1]!, tasks)).not.toThrow();
    expect(() => startGuard({ status: "pending" })(tasks[1]!, tasks)).not.toThrow();
  });
});

describe("task_update with your guard", () => {
  it("keeps a blocked task pending and tells the model why; it starts once its blocker is done", async () => {
    const agent = await start([
      reply(
        toolUse("task_create", { subject: "Design the schema" }),
        toolUse("task_create", { subject: "Write the handlers", blockedBy: [1] }),
      ),
      reply(toolUse("task_update", { id: 2, status: "in_progress" })),
      reply(text("#2 waits for #1.")),
      reply(toolUse("task_update", { id: 1, status: "completed" })),
      reply(toolUse("task_update", { id: 2, status: "in_progress" })),
      reply(text("Started #2.")),
    ]);
    await agent.run("Plan the handlers and start on them.");
    const [refused] = toolResults(agent.requests()[2]);
    expect(refused).toEqual({
      isError: true,
      text: expect.stringContaining("cannot start: it waits for #1"),
    });
    expect(await statusOf(agent.workspace, 2)).toBe("pending");

    await agent.run("#1 is done: start #2.");
    const [started] = toolResults(agent.requests()[5]);
    expect(started?.isError).toBe(false);
    expect(await statusOf(agent.workspace, 2)).toBe("in_progress");
  });
});
