// End to end: the s03 agent against the fake API — plan rendering, validation, and the stale-plan reminder.
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MAX_TOKENS, DEFAULT_MODEL, runScenario } from "@lcc/chapter-kit";
import { type AgentEvent, createSessionAgent } from "@lcc/s02";
import {
  assertPairingInvariant,
  type RecordedRequest,
  reply,
  type Script,
  text,
  toolUse,
} from "@lcc/testkit";
import { abortWhen, captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createTodoSetup, s03Chapter } from "./agent.ts";
import { REMINDER_AFTER_ROUNDS } from "./plan-reminder.ts";
import { s03Scenario } from "./scenario.ts";
import { MAX_TODO_ITEMS, type TodoItem } from "./todo-plan.ts";

const addCleanup = useCleanups();

async function setup(script: Script) {
  const { fake, workspace, client, config, cleanup } = await startFakeModel({
    script,
    files: { "notes.txt": "remember the milk\n" },
    model: DEFAULT_MODEL,
    maxTokens: DEFAULT_MAX_TOKENS,
  });
  addCleanup(cleanup);
  const events: AgentEvent[] = [];
  const agent = await createSessionAgent(
    createTodoSetup,
    { client, config, workspace, output: captureOutput() },
    { print: false },
  );
  agent.subscribe((event) => events.push(event));
  const run = (prompt = "go") => agent.runTurn(prompt, new AbortController().signal);
  const requests = () => fake.messageRequests();
  /** Aborts once the tool call `id` has started. */
  const abortAtToolStart = (id: string) =>
    abortWhen(() => events.some((event) => event.type === "tool_start" && event.id === id));
  return { agent, events, run, requests, abortAtToolStart };
}

const item = (content: string, status: TodoItem["status"] = "pending"): TodoItem => ({
  content,
  status,
  activeForm: `Doing ${content}`,
});
const bash = (command: string) => reply(toolUse("bash", { command }));

function lastUserBlocks(request: RecordedRequest): Anthropic.ContentBlockParam[] {
  const last = request.body.messages.at(-1)!;
  expect(last.role).toBe("user");
  return typeof last.content === "string" ? [{ type: "text", text: last.content }] : last.content;
}

const isReminder = (block: Anthropic.ContentBlockParam) =>
  block.type === "text" && block.text.startsWith("<system-reminder>");

/** Index of the first request whose messages carry a reminder anywhere, or -1. */
function firstRequestWithReminder(requests: RecordedRequest[]): number {
  return requests.findIndex((request) => JSON.stringify(request.body.messages).includes("<system-reminder>"));
}

describe("s03 todo_write", () => {
  it("returns the rendered plan with a count to the model and shows it to the user", async () => {
    const plan = [item("Read", "completed"), item("Edit", "in_progress"), item("Test")];
    const { run, requests, events } = await setup([
      reply(toolUse("todo_write", { items: plan }, "t1")),
      reply(text("ok")),
    ]);
    await run();
    const [result] = lastUserBlocks(requests()[1]!);
    expect(result).toEqual({
      type: "tool_result",
      tool_use_id: "t1",
      content: "Plan: 1/3 completed\n[x] Read\n[>] Edit\n[ ] Test",
      is_error: false,
    });
    const update = events.find((event) => event.type === "todo_update");
    expect(update).toMatchObject({
      items: plan,
      rendered: "Plan: 1/3 completed\n[x] Read\n[>] Edit\n[ ] Test",
    });
    assertPairingInvariant(requests());
  });

  it("refuses two items in progress, names them, and keeps the previous plan", async () => {
    const { run, requests } = await setup([
      reply(toolUse("todo_write", { items: [item("A", "in_progress")] })),
      reply(toolUse("todo_write", { items: [item("A", "in_progress"), item("B", "in_progress")] }, "t2")),
      reply(toolUse("todo_write", { items: [item("A", "in_progress"), item("B")] })),
      reply(text("ok")),
    ]);
    await run();
    const [refused] = lastUserBlocks(requests()[2]!);
    expect(refused).toMatchObject({ tool_use_id: "t2", is_error: true });
    expect(JSON.stringify(refused)).toContain(
      '2 items are in_progress (\\"A\\", \\"B\\"), but at most one may be',
    );
    const [accepted] = lastUserBlocks(requests()[3]!);
    expect(accepted).toMatchObject({ is_error: false, content: "Plan: 0/2 completed\n[>] A\n[ ] B" });
    assertPairingInvariant(requests());
  });

  it(`refuses more than ${MAX_TODO_ITEMS} items with the limit and what to do`, async () => {
    const items = Array.from({ length: MAX_TODO_ITEMS + 1 }, (_, index) => item(`step ${index + 1}`));
    const { run, requests } = await setup([reply(toolUse("todo_write", { items })), reply(text("ok"))]);
    await run();
    const [result] = lastUserBlocks(requests()[1]!);
    expect(result).toMatchObject({ type: "tool_result", is_error: true });
    expect(JSON.stringify(result)).toContain(`- items: A plan holds at most ${MAX_TODO_ITEMS} items`);
  });

  it("refuses an item without activeForm or with an unknown status, naming each field", async () => {
    const { run, requests } = await setup([
      reply(toolUse("todo_write", { items: [{ content: "A", status: "done" }] })),
      reply(text("ok")),
    ]);
    await run();
    const content = JSON.stringify(lastUserBlocks(requests()[1]!)[0]);
    expect(content).toContain('is_error":true');
    expect(content).toContain("- items.0.status:");
    expect(content).toContain("- items.0.activeForm:");
  });

  it("advertises the item limit in the JSON schema the model sees", async () => {
    const { run, requests } = await setup([reply(text("ok"))]);
    await run();
    const tools = requests()[0]!.body.tools as Anthropic.Tool[];
    const tool = tools.find((candidate) => candidate.name === "todo_write")!;
    expect(tool.input_schema.properties).toMatchObject({
      items: { type: "array", maxItems: MAX_TODO_ITEMS },
    });
  });
});

describe("s03 stale-plan reminder", () => {
  it(`appears after exactly ${REMINDER_AFTER_ROUNDS} rounds without todo_write, after the tool results of the same user message`, async () => {
    const run = await runScenario(s03Chapter, s03Scenario, captureOutput());
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path === "/v1/messages");
    // Request 0 writes the plan; rounds 1, 2 and 3 do other work; request 4 is the first to carry the reminder.
    expect(firstRequestWithReminder(requests)).toBe(1 + REMINDER_AFTER_ROUNDS);
    const reminded = requests[1 + REMINDER_AFTER_ROUNDS]!;
    const blocks = lastUserBlocks(reminded);
    expect(blocks.map((block) => block.type)).toEqual(["tool_result", "text"]);
    expect(isReminder(blocks[1]!)).toBe(true);
    expect(JSON.stringify(blocks[1])).toContain("[>] Read greet.js");
    // Same message count growth as any round: one assistant message and one user message, nothing extra.
    const previous = requests[REMINDER_AFTER_ROUNDS]!;
    expect(reminded.body.messages.length).toBe(previous.body.messages.length + 2);
    assertPairingInvariant(run.requests);
  });

  it("is never a user message of its own and never edits earlier messages", async () => {
    const run = await runScenario(s03Chapter, s03Scenario, captureOutput());
    addCleanup(run.cleanup);
    const requests = run.requests.filter((request) => request.path === "/v1/messages");
    for (const request of requests) {
      for (const message of request.body.messages) {
        if (message.role !== "user" || typeof message.content === "string") continue;
        if (message.content.some(isReminder))
          expect(message.content.some((block) => !isReminder(block))).toBe(true);
      }
    }
    // Every request's history starts with the previous request's history, byte for byte (the past is never edited).
    for (let index = 1; index < requests.length; index++) {
      const before = requests[index - 1]!.body.messages;
      const after = requests[index]!.body.messages.slice(0, before.length);
      expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    }
  });

  it("says so on the terminal and prints every plan update", async () => {
    const output = captureOutput();
    const run = await runScenario(s03Chapter, s03Scenario, output);
    addCleanup(run.cleanup);
    expect(output.text()).toContain("⏺ todo_write(4 items)\n  ⎿ Plan: 0/4 completed\n    [>] Read greet.js");
    expect(output.text()).toContain(
      "· plan reminder sent to the model: 4 open items, no todo_write for 3 rounds",
    );
    expect(output.text()).toContain("Plan: 4/4 completed");
  });

  it.each([
    ["every item is completed", [reply(toolUse("todo_write", { items: [item("A", "completed")] }))]],
    ["there is no plan", []],
  ])("stays quiet when %s", async (_when, plan) => {
    const { run, requests } = await setup([
      ...plan,
      bash("echo 1"),
      bash("echo 2"),
      bash("echo 3"),
      bash("echo 4"),
      reply(text("ok")),
    ]);
    await run();
    expect(firstRequestWithReminder(requests())).toBe(-1);
  });

  it("counts rounds across user turns and lands after the new prompt when no tool ran", async () => {
    const { run, requests } = await setup([
      reply(toolUse("todo_write", { items: [item("A", "in_progress")] })),
      reply(text("first answer")),
      reply(text("second answer")),
      reply(text("third answer")),
      reply(text("fourth answer")),
    ]);
    await run("one");
    await run("two");
    await run("three");
    await run("four");
    // Rounds without an update: 1 ("first answer"), 2 ("second"), 3 ("third") → the reminder rides on prompt "four".
    expect(firstRequestWithReminder(requests())).toBe(4);
    const blocks = lastUserBlocks(requests()[4]!);
    expect(blocks.map((block) => (block.type === "text" ? block.text.slice(0, 17) : block.type))).toEqual([
      "four",
      "<system-reminder>",
    ]);
    assertPairingInvariant(requests());
  });

  it("counts an interrupted round like any other and lands after the interrupted results and the next prompt", async () => {
    const { agent, requests, abortAtToolStart } = await setup((_request, index) => {
      if (index === 0) return reply(toolUse("todo_write", { items: [item("A", "in_progress")] }));
      if (index === 1 || index === 2) return bash(`echo ${index}`);
      if (index === 3) return reply(toolUse("bash", { command: "sleep 5" }, "slow"));
      return reply(text("recovered"));
    });
    expect((await agent.runTurn("go", abortAtToolStart("slow"))).reason).toBe("aborted");
    await agent.runTurn("again", new AbortController().signal);
    // Rounds without an update: 1 and 2 (echo), 3 (the interrupted sleep) → the reminder rides on request 4.
    expect(firstRequestWithReminder(requests())).toBe(4);
    const blocks = lastUserBlocks(requests()[4]!);
    expect(blocks.map((block) => (block.type === "text" ? block.text.slice(0, 17) : block.type))).toEqual([
      "tool_result",
      "again",
      "<system-reminder>",
    ]);
    expect(blocks[0]).toMatchObject({ tool_use_id: "slow", is_error: true });
    assertPairingInvariant(requests());
  });

  it("keeps pairing intact when a turn is interrupted after a plan exists", async () => {
    const { agent, requests, abortAtToolStart } = await setup((_request, index) => {
      if (index === 0) return reply(toolUse("todo_write", { items: [item("A", "in_progress")] }));
      if (index === 1) return reply(toolUse("bash", { command: "sleep 5" }, "slow"));
      return reply(text("recovered"));
    });
    expect((await agent.runTurn("go", abortAtToolStart("slow"))).reason).toBe("aborted");
    await agent.runTurn("again", new AbortController().signal);
    const interrupted = requests().at(-1)!.body.messages.at(-1)!;
    expect(interrupted.content).toMatchObject([
      { type: "tool_result", is_error: true },
      { type: "text", text: "again" },
    ]);
    assertPairingInvariant(requests());
  });
});

describe("s03 /clear", () => {
  it("starts a new conversation with an empty plan: the old plan neither shows nor reminds", async () => {
    const { agent, run, requests, events } = await setup([
      reply(toolUse("todo_write", { items: [item("A", "in_progress"), item("B")] })),
      reply(text("Planned.")),
      ...Array.from({ length: REMINDER_AFTER_ROUNDS + 1 }, (_, index) => reply(text(`answer ${index}`))),
    ]);
    await run("plan it");
    expect(agent.setup.plan.items()).toHaveLength(2);
    const written: string[] = [];
    expect(await agent.runCommand("/clear", new AbortController().signal, (line) => written.push(line))).toBe(
      true,
    );
    expect(written).toEqual(["Started a new conversation.\n"]);
    expect(agent.setup.plan.items()).toEqual([]);
    expect(agent.state.messages).toEqual([]);
    expect(events.filter((event) => event.type === "conversation_start")).toEqual([
      { type: "conversation_start", messages: 0 },
    ]);
    for (let index = 0; index <= REMINDER_AFTER_ROUNDS; index++) await run(`prompt ${index}`);
    const afterClear = requests().slice(2);
    expect(afterClear[0]!.body.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "prompt 0" }] },
    ]);
    expect(firstRequestWithReminder(afterClear)).toBe(-1);
    assertPairingInvariant(requests());
  });
});
