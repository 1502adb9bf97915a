// s04/02: the subagent budget in s04's real agent (s04's setup plus the hook), driven through the fake
// Messages API: calls over the budget never start a child, the model reads why, the next prompt starts afresh.
import type Anthropic from "@anthropic-ai/sdk";
import { type AgentEvent, createSessionAgent, extendSetup } from "@lcc/s02";
import { createSubagentSetup } from "@lcc/s04";
import {
  assertPairingInvariant,
  type RecordedRequest,
  reply,
  type Script,
  text,
  toolUse,
} from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createSubagentBudget, SUBAGENT_BUDGET_SOURCE } from "./subagent-budget.ts";

const addCleanup = useCleanups();

/** s04's agent with a budget of 2 subagents per prompt. */
async function setup(script: Script) {
  const { fake, client, config, workspace, cleanup } = await startFakeModel({ script });
  addCleanup(cleanup);
  const agent = await createSessionAgent(
    (context) => extendSetup(createSubagentSetup(context), { hooks: [createSubagentBudget(2)] }),
    { client, config, workspace, output: captureOutput(), env: {} },
    { print: false },
  );
  const events: AgentEvent[] = [];
  agent.subscribe((event) => events.push(event));
  const run = (prompt: string) => agent.runTurn(prompt, new AbortController().signal);
  const requests = () => {
    assertPairingInvariant(fake.messageRequests());
    return fake.messageRequests();
  };
  return { run, requests, events };
}

/** Child requests carry the subagent system prompt; the parent's do not. */
const isChild = (request: RecordedRequest) =>
  String(request.body.system).includes("Only your final message is returned");
const delegate = (id: string) =>
  toolUse("agent", { description: `Survey ${id}`, prompt: `Survey part ${id}.`, agent_type: "explore" }, id);
const resultsOf = (request: RecordedRequest) =>
  request.body.messages.at(-1)!.content as Anthropic.ToolResultBlockParam[];

describe("s04 subagent budget", () => {
  it("starts at most 2 subagents for one prompt; the third call is denied and the model reads why", async () => {
    const { run, requests, events } = await setup([
      reply(delegate("a"), delegate("b"), delegate("c")),
      reply(text("Part a: a parser.")),
      reply(text("Part b: a printer.")),
      reply(text("Two parts surveyed.")),
    ]);
    await run("survey the three parts");
    expect(requests().filter(isChild)).toHaveLength(2);
    const results = resultsOf(requests().at(-1)!);
    expect(results.map((result) => result.is_error)).toEqual([false, false, true]);
    expect(String(results[2]!.content)).toContain("already used its 2 subagents");
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "tool_decision",
        id: "c",
        decision: "deny",
        source: SUBAGENT_BUDGET_SOURCE,
      }),
    );
  });

  it("gives the next prompt a fresh budget", async () => {
    const { run, requests } = await setup([
      reply(delegate("a"), delegate("b"), delegate("c")),
      reply(text("Part a.")),
      reply(text("Part b.")),
      reply(text("Two parts surveyed.")),
      reply(delegate("d")),
      reply(text("Part d.")),
      reply(text("Done.")),
    ]);
    await run("survey the three parts");
    await run("now survey part d");
    expect(requests().filter(isChild)).toHaveLength(3);
    expect(resultsOf(requests().at(-1)!)).toMatchObject([{ tool_use_id: "d", is_error: false }]);
  });

  it("counts only agent calls: other tools never use the budget", async () => {
    const { run, requests } = await setup([
      reply(toolUse("read_file", { path: "." }), toolUse("bash", { command: "true" }), delegate("a")),
      reply(text("Part a.")),
      reply(delegate("b")),
      reply(text("Part b.")),
      reply(text("Done.")),
    ]);
    await run("survey");
    expect(requests().filter(isChild)).toHaveLength(2);
  });
});
