// The task tools in the real s12 agent on the fake API: every call answered (pairing checked), links on
// both tasks, cycles refused and named, completion naming what became ready, corrupt files reported.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { systemPromptText } from "@lcc/s02";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { testAgentSetup, toolResults } from "./test-agent.ts";

const addCleanup = useCleanups();
const start = testAgentSetup(addCleanup);

const createThree = reply(
  toolUse("task_create", { subject: "Design the schema" }),
  toolUse("task_create", { subject: "Write the handlers", blockedBy: [1] }),
  toolUse("task_create", { subject: "Write the tests", description: "cover refunds", blockedBy: [2] }),
);

async function taskFile(workspace: string, id: number): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(workspace, ".lcc", "tasks", `${id}.json`), "utf8"));
}

describe("the task tools", () => {
  it("offers the four tools and the tasks section", async () => {
    const agent = await start({ script: [reply(text("ok"))] });
    await agent.run("hello");
    const [request] = agent.requests();
    const names = (request?.body.tools ?? []).map((tool) => ("name" in tool ? tool.name : ""));
    expect(names).toEqual(expect.arrayContaining(["task_create", "task_update", "task_list", "task_get"]));
    expect(systemPromptText(request?.body.system ?? "")).toContain(
      "todo_write is\nonly this session's checklist",
    );
  });

  it("records links on both tasks and refuses a cycle, a self-link and unknown ids, naming them", async () => {
    const agent = await start({
      script: [
        createThree,
        reply(
          toolUse("task_update", { id: 1, addBlockedBy: [3] }),
          toolUse("task_update", { id: 2, addBlocks: [2] }),
          toolUse("task_update", { id: 3, addBlockedBy: [9] }),
          toolUse("task_update", { id: 3, addBlockedBy: [1] }),
        ),
        reply(text("Linked.")),
      ],
    });
    await agent.run("Plan the refunds work as tasks.");
    const requests = agent.requests();
    expect(requests).toHaveLength(3);
    expect(toolResults(requests[1]).map((result) => result.text)).toEqual([
      "Created task #1: #1 [ ] Design the schema\nIt can start now.",
      "Created task #2: #2 [ ] Write the handlers · blocked by #1\nIt waits for its blockers.",
      "Created task #3: #3 [ ] Write the tests · blocked by #2\nIt waits for its blockers.",
    ]);
    const [cycle, self, unknown, added] = toolResults(requests[2]);
    expect(cycle).toEqual({
      isError: true,
      text: expect.stringContaining("that link would make a cycle (#3 blocks #1 blocks #2 blocks #3)"),
    });
    expect(self).toEqual({ isError: true, text: expect.stringContaining("(#2 blocks #2)") });
    expect(unknown).toEqual({ isError: true, text: expect.stringContaining("No task #9") });
    expect(added).toEqual({
      isError: false,
      text: "Updated task #3 (now blocked by #1): #3 [ ] Write the tests · blocked by #1, #2",
    });
    expect(await taskFile(agent.workspace, 1)).toMatchObject({ blockedBy: [], blocks: [2, 3] });
    expect(await taskFile(agent.workspace, 2)).toMatchObject({ blockedBy: [1], blocks: [3] });
    expect(await taskFile(agent.workspace, 3)).toMatchObject({ blockedBy: [1, 2], blocks: [] });
  });

  it("completing a task names the tasks that became ready; task_list and task_get show the graph", async () => {
    const agent = await start({
      script: [
        createThree,
        reply(toolUse("task_update", { id: 1, status: "in_progress", owner: "main" })),
        reply(toolUse("task_update", { id: 1, status: "completed" })),
        reply(toolUse("task_list", {}), toolUse("task_get", { id: 3 })),
        reply(text("Task 2 is next.")),
      ],
    });
    await agent.run("Work through the plan.");
    const requests = agent.requests();
    expect(toolResults(requests[2])[0]?.text).toBe(
      "Updated task #1 (status pending → in_progress; owner main): #1 [>] Design the schema (owner: main)",
    );
    expect(toolResults(requests[3])[0]?.text).toBe(
      "Updated task #1 (status in_progress → completed): #1 [x] Design the schema (owner: main)\n" +
        "Now ready (no open blockers): #2 Write the handlers.",
    );
    const [list, details] = toolResults(requests[4]);
    expect(list?.text).toBe(
      [
        "3 tasks: 1 completed, 0 in progress, 2 pending (1 blocked)",
        "#1 [x] Design the schema (owner: main)",
        "#2 [ ] Write the handlers",
        "#3 [ ] Write the tests · blocked by #2",
      ].join("\n"),
    );
    expect(details?.text).toContain("blocked by: #2 [ ] Write the handlers");
    expect(details?.text).toContain("description:\ncover refunds");
  });

  it("reports a corrupt task file at start and in task_list, refuses to update it, and leaves it byte-identical", async () => {
    const corrupt = '{ "id": 2, "subject": "half';
    const agent = await start({
      files: { ".lcc/tasks/1.json": "", ".lcc/tasks/2.json": corrupt },
      script: [
        reply(toolUse("task_list", {}), toolUse("task_update", { id: 2, status: "completed" })),
        reply(toolUse("task_get", { id: 2 }), toolUse("task_create", { subject: "Next" })),
        reply(text("Task file 2 needs fixing by hand.")),
      ],
    });
    await agent.run("What is left?");
    const requests = agent.requests();
    const [list, update] = toolResults(requests[1]);
    expect(list?.text.split("\n")).toEqual([
      "No tasks yet.",
      "⚠ .lcc/tasks/1.json: not JSON (Unexpected end of JSON input); skipped, left as it is",
      expect.stringMatching(
        /^⚠ \.lcc\/tasks\/2\.json: not JSON \(Unterminated string.*\); skipped, left as it is$/,
      ),
    ]);
    expect(update).toEqual({
      isError: true,
      text: expect.stringContaining(".lcc/tasks/2.json is not a valid task file"),
    });
    const [get, created] = toolResults(requests[2]);
    expect(get).toEqual({
      isError: true,
      text: expect.stringContaining(".lcc/tasks/2.json is not a valid task file"),
    });
    expect(created?.text).toContain("Created task #3");
    expect(await readFile(join(agent.workspace, ".lcc/tasks/2.json"), "utf8")).toBe(corrupt);
    expect(await readFile(join(agent.workspace, ".lcc/tasks/1.json"), "utf8")).toBe("");
    // The warning printed at start, before the first tool call.
    const beforeTools = agent.output().split("⏺ task_list")[0];
    expect(beforeTools).toMatch(/^⚠ \.lcc\/tasks\/2\.json: not JSON .*; skipped, left as it is$/m);
  });

  it("runs the task tools without a question, in plan mode too, while a deny rule still stops them", async () => {
    const planned = await start({
      script: [reply(toolUse("task_create", { subject: "Plan step" })), reply(text("Recorded."))],
      options: { permissions: { mode: "plan" } },
    });
    await planned.run("Plan it.");
    expect(toolResults(planned.requests()[1])[0]?.isError).toBe(false);

    const denied = await start({
      files: { ".claude/settings.json": JSON.stringify({ permissions: { deny: ["task_create"] } }) },
      script: [reply(toolUse("task_create", { subject: "Plan step" })), reply(text("Not recorded."))],
    });
    await denied.run("Plan it.");
    expect(toolResults(denied.requests()[1])[0]).toEqual({
      isError: true,
      text: expect.stringContaining("denied by the rule task_create"),
    });
  });

  it("says at start how many tasks are open", async () => {
    const task = (id: number, status: string) =>
      JSON.stringify({
        id,
        subject: `task ${id}`,
        description: "",
        status,
        owner: null,
        blockedBy: [],
        blocks: [],
        createdAt: "2026-03-01T10:00:00.000Z",
        updatedAt: "2026-03-01T10:00:00.000Z",
      });
    const agent = await start({
      files: {
        ".lcc/tasks/1.json": task(1, "completed"),
        ".lcc/tasks/2.json": task(2, "pending"),
        ".lcc/tasks/3.json": task(3, "in_progress"),
      },
      script: [reply(text("ok"))],
    });
    await agent.run("hello");
    expect(agent.output()).toContain("· tasks: 2 open in .lcc/tasks (/tasks lists them)\n");
  });

  it("/tasks prints the graph with owners and blocked tasks marked", async () => {
    const agent = await start({
      script: [
        createThree,
        reply(toolUse("task_update", { id: 2, owner: "reviewer" })),
        reply(text("Planned.")),
      ],
    });
    await agent.run("Plan it.");
    await agent.run("/tasks");
    expect(agent.output()).toContain(
      [
        "Task graph in .lcc/tasks",
        "3 tasks: 0 completed, 0 in progress, 3 pending (2 blocked)",
        "#1 [ ] Design the schema",
        "#2 [ ] Write the handlers (owner: reviewer) · blocked by #1",
        "#3 [ ] Write the tests · blocked by #2",
      ].join("\n"),
    );
  });
});
