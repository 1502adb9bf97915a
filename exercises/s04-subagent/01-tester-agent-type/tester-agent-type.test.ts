// s04/01: the tester type in s04's real agent tool, driven through the fake Messages API: the model can pick
// it, the child runs with the tester's prompt and only bash and read_file, and only its report comes back.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { createSessionAgent, extendSetup, type SetupContext } from "@lcc/s02";
import { createTodoSetup } from "@lcc/s03";
import { BUILT_IN_AGENT_TYPES, createAgentTool } from "@lcc/s04";
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
import { createTesterAgentType } from "./tester-agent-type.ts";

const addCleanup = useCleanups();

/** s04's setup (s03's plus the agent tool) with the tester type beside the built-ins. */
function buildSetup(context: SetupContext) {
  const agentTool = createAgentTool({
    types: [...BUILT_IN_AGENT_TYPES, createTesterAgentType({ testCommand: "npm test" })],
    callModel: context.callModel,
    model: () => context.config.model,
    maxTokens: context.config.maxTokens,
    env: {},
    emit: context.emit,
  });
  return extendSetup(createTodoSetup(context), { tools: [agentTool] });
}

async function runPrompt(script: Script) {
  const { fake, client, config, workspace, cleanup } = await startFakeModel({ script });
  addCleanup(cleanup);
  const agent = await createSessionAgent(
    buildSetup,
    { client, config, workspace, output: captureOutput() },
    {
      print: false,
    },
  );
  await agent.runTurn("are the tests green?", new AbortController().signal);
  const requests = fake.messageRequests();
  assertPairingInvariant(requests);
  return {
    workspace,
    parent: requests.filter((request) => !isChild(request)),
    child: requests.filter(isChild),
  };
}

/** Child requests carry the subagent system prompt; the parent's do not. */
const isChild = (request: RecordedRequest) =>
  String(request.body.system).includes("Only your final message is returned");
const toolsOf = (request: RecordedRequest) => request.body.tools as Anthropic.Tool[];
const resultsOf = (request: RecordedRequest) =>
  request.body.messages.at(-1)!.content as Anthropic.ToolResultBlockParam[];

const delegateToTester = reply(
  toolUse("agent", { description: "Run the tests", prompt: "Run the tests.", agent_type: "tester" }, "call"),
);

describe("s04 tester subagent type", () => {
  it("is offered to the model with what it does and its tools", async () => {
    const { parent } = await runPrompt([reply(text("ok"))]);
    const agentTool = toolsOf(parent[0]!).find((tool) => tool.name === "agent")!;
    expect(agentTool.description).toMatch(/- tester: .*tests.*\[tools: bash, read_file\]/);
  });

  it("runs the child with the tester's prompt and only bash and read_file; a write is an unknown tool", async () => {
    const { child, workspace } = await runPrompt([
      delegateToTester,
      reply(toolUse("write_file", { path: "fix.js", content: "// fixed\n" }, "write")),
      reply(text("1 passing, 0 failing.")),
      reply(text("The tests are green.")),
    ]);
    expect(toolsOf(child[0]!).map((tool) => tool.name)).toEqual(["bash", "read_file"]);
    expect(String(child[0]!.body.system)).toContain("`npm test`");
    expect(resultsOf(child[1]!)[0]).toMatchObject({ tool_use_id: "write", is_error: true });
    expect(String(resultsOf(child[1]!)[0]!.content)).toContain('Unknown tool "write_file"');
    expect(existsSync(join(workspace, "fix.js"))).toBe(false);
  });

  it("returns only the tester's report to the parent", async () => {
    const { parent } = await runPrompt([
      delegateToTester,
      reply(toolUse("bash", { command: "echo '1 passing'" }, "child_bash")),
      reply(text("1 passing, 0 failing.")),
      reply(text("The tests are green.")),
    ]);
    const history = JSON.stringify(parent[1]!.body.messages);
    expect(history).not.toContain("child_bash");
    expect(String(resultsOf(parent[1]!)[0]!.content)).toMatch(
      /^1 passing, 0 failing\.\n\n\[tester subagent: 2 rounds/,
    );
  });
});
