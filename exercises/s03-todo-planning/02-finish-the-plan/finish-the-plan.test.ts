// s03/02: the finish-the-plan hook added to s03's real setup, driven through the fake Messages API: one
// nudge when the model stops with open items, never a second for the same plan, none when nothing is open.
import { type AgentEvent, createSessionAgent, extendSetup } from "@lcc/s02";
import { createTodoSetup, type TodoItem } from "@lcc/s03";
import { assertPairingInvariant, reply, type Script, text, toolUse } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createFinishThePlanHook } from "./finish-the-plan.ts";

const addCleanup = useCleanups();

/** s03's agent plus the hook; runs one prompt and returns the end reason, the requests and the events. */
async function runPrompt(script: Script) {
  const { fake, client, config, workspace, cleanup } = await startFakeModel({ script });
  addCleanup(cleanup);
  const agent = await createSessionAgent(
    (context) => {
      const setup = createTodoSetup(context);
      return extendSetup(setup, { hooks: [createFinishThePlanHook(setup.plan)] });
    },
    { client, config, workspace, output: captureOutput() },
    { print: false },
  );
  const events: AgentEvent[] = [];
  agent.subscribe((event) => events.push(event));
  const result = await agent.runTurn(
    "rename the function and update its callers",
    new AbortController().signal,
  );
  const requests = fake.messageRequests();
  assertPairingInvariant(requests);
  const continues = events.filter((event) => event.type === "loop_continue");
  return { reason: result.reason, requests, continues };
}

const item = (content: string, status: TodoItem["status"]): TodoItem => ({
  content,
  status,
  activeForm: `Doing ${content}`,
});
const writePlan = (...items: TodoItem[]) => reply(toolUse("todo_write", { items }));
const openPlan = writePlan(item("Rename it", "in_progress"), item("Update the callers", "pending"));

describe("s03 finish-the-plan hook", () => {
  it("sends the model back to work once when it stops with open items, with the plan in the nudge", async () => {
    const { reason, requests, continues } = await runPrompt([
      openPlan,
      reply(text("All done!")),
      writePlan(item("Rename it", "completed"), item("Update the callers", "completed")),
      reply(text("Now everything is done.")),
    ]);
    expect(requests).toHaveLength(4);
    expect(reason).toBe("end_turn");
    expect(continues).toEqual([{ type: "loop_continue", turn: 2, reason: "open_plan_items" }]);
    const nudge = JSON.stringify(requests[2]!.body.messages.at(-1));
    expect(nudge).toContain("<system-reminder>");
    expect(nudge).toContain("[>] Rename it");
  });

  it("nudges only once while the plan stays the same, so the model can still stop", async () => {
    const { reason, requests, continues } = await runPrompt([
      openPlan,
      reply(text("All done!")),
      reply(text("I am stopping here: the callers are generated code.")),
    ]);
    expect(requests).toHaveLength(3);
    expect(continues).toHaveLength(1);
    expect(reason).toBe("end_turn");
  });

  it("lets the model stop when every item is completed, or when it has no plan", async () => {
    const finished = await runPrompt([writePlan(item("Rename it", "completed")), reply(text("Done."))]);
    expect(finished.requests).toHaveLength(2);
    const unplanned = await runPrompt([reply(text("Nothing to do."))]);
    expect(unplanned.requests).toHaveLength(1);
    expect([...finished.continues, ...unplanned.continues]).toEqual([]);
  });
});
