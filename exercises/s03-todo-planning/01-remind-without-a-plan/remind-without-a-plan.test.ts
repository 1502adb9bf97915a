// s03/01: the plan reminder in an s03 agent (s02's tools, todo_write, the planning section) driven through
// the fake Messages API: it now also fires when there is no plan, and still never for a finished one.
import type Anthropic from "@anthropic-ai/sdk";
import { createSessionAgent, createToolUseSetup, extendSetup, type SetupContext } from "@lcc/s02";
import { createTodoPlan, createTodoWriteTool, planningSection, type TodoItem } from "@lcc/s03";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createPlanReminder, REMINDER_AFTER_ROUNDS } from "./plan-reminder.ts";

const addCleanup = useCleanups();

/** s03's setup, with the reminder from ./plan-reminder.ts instead of the chapter's. */
function buildSetup(context: SetupContext) {
  const plan = createTodoPlan();
  return extendSetup(createToolUseSetup(context), {
    systemSections: [{ name: "planning", text: planningSection }],
    tools: [createTodoWriteTool({ plan, emit: context.emit })],
    hooks: [createPlanReminder(plan)],
  });
}

/** Runs one prompt: `first` (if any), then four rounds of bash, then a final answer. Returns the requests. */
async function runWork(first: ReturnType<typeof reply>[]) {
  const bash = (index: number) => reply(toolUse("bash", { command: `echo step ${index}` }));
  const script = [...first, bash(1), bash(2), bash(3), bash(4), reply(text("Done."))];
  const { fake, client, config, workspace, cleanup } = await startFakeModel({ script });
  addCleanup(cleanup);
  const agent = await createSessionAgent(
    buildSetup,
    { client, config, workspace, output: captureOutput() },
    {
      print: false,
    },
  );
  await agent.runTurn("add a feature, test it and document it", new AbortController().signal);
  const requests = fake.messageRequests();
  assertPairingInvariant(requests);
  return requests;
}

const lastBlocks = (request: RecordedRequest) =>
  request.body.messages.at(-1)!.content as Anthropic.ContentBlockParam[];
const reminderIn = (request: RecordedRequest) =>
  JSON.stringify(request.body.messages).includes("<system-reminder>");
const item = (content: string, status: TodoItem["status"]): TodoItem => ({
  content,
  status,
  activeForm: `Doing ${content}`,
});

describe("s03 plan reminder, also without a plan", () => {
  it(`reminds a model that worked ${REMINDER_AFTER_ROUNDS} rounds without a plan, after the tool results`, async () => {
    const requests = await runWork([]);
    expect(requests.slice(0, REMINDER_AFTER_ROUNDS).map(reminderIn)).toEqual([false, false, false]);
    const blocks = lastBlocks(requests[REMINDER_AFTER_ROUNDS]!);
    expect(blocks.map((block) => block.type)).toEqual(["tool_result", "text"]);
    const reminder = (blocks[1] as Anthropic.TextBlockParam).text;
    expect(reminder).toMatch(/^<system-reminder>/);
    expect(reminder).toContain("without a plan");
    expect(reminder).toContain("todo_write");
  });

  it("still reminds about a stale plan with open items, showing the plan", async () => {
    const plan = [item("Write the code", "in_progress"), item("Test it", "pending")];
    const requests = await runWork([reply(toolUse("todo_write", { items: plan }))]);
    const first = requests.findIndex(reminderIn);
    expect(first).toBe(1 + REMINDER_AFTER_ROUNDS);
    expect(JSON.stringify(lastBlocks(requests[first]!))).toContain("[>] Write the code");
  });

  it("never reminds when every item of the plan is completed", async () => {
    const plan = [item("Write the code", "completed"), item("Test it", "completed")];
    const requests = await runWork([reply(toolUse("todo_write", { items: plan }))]);
    expect(requests.some(reminderIn)).toBe(false);
  });
});
