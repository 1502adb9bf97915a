// Test helper for the s04 tests: the real s04 agent against a fresh fake API in a temp workspace.
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MAX_TOKENS, DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type AgentEvent, type AgentHooks, createSessionAgent, extendSetup, type Tool } from "@lcc/s02";
import { type RecordedRequest, reply, type Script, toolUse } from "@lcc/testkit";
import { type AddCleanup, captureOutput, startFakeModel } from "@lcc/testkit/vitest";
import { createSubagentSetup } from "./agent.ts";

export interface TestAgentOptions {
  files?: Record<string, string>;
  git?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Added to the s04 setup: the parent's own hooks, per-call hooks children inherit, more tools. */
  hooks?: AgentHooks[];
  childHooks?: AgentHooks[];
  tools?: Tool[];
}

/** Starts the fake API and a workspace holding `notes.txt`; the caller awaits `cleanup()`. */
export async function startTestAgent(script: Script, options: TestAgentOptions = {}) {
  const { fake, workspace, client, config, cleanup } = await startFakeModel({
    script,
    files: { "notes.txt": "remember the milk\n", ...options.files },
    ...(options.git ? { git: true } : {}),
    model: DEFAULT_MODEL,
    maxTokens: DEFAULT_MAX_TOKENS,
  });
  const events: AgentEvent[] = [];
  const context = { client, config, workspace, output: captureOutput(), env: options.env ?? {} };
  const addition = {
    hooks: options.hooks ?? [],
    childHooks: options.childHooks ?? [],
    tools: options.tools ?? [],
  };
  const agent = await createSessionAgent(
    (setupContext) => extendSetup(createSubagentSetup(setupContext), addition),
    context,
    { print: false },
  );
  agent.subscribe((event) => events.push(event));
  return {
    agent,
    events,
    workspace,
    run: (prompt = "go", signal = new AbortController().signal) => agent.runTurn(prompt, signal),
    requests: () => fake.messageRequests(),
    cleanup,
  };
}

/** `setup(script, options)` for a test file: {@link startTestAgent}, cleaned up through `addCleanup` after each test. */
export function testAgentSetup(addCleanup: AddCleanup) {
  return async (script: Script, options: TestAgentOptions = {}) => {
    const agent = await startTestAgent(script, options);
    addCleanup(agent.cleanup);
    return agent;
  };
}

/** Child requests carry the subagent system prompt; the parent's do not. */
export const isChild = (request: RecordedRequest) =>
  String(request.body.system).includes("Only your final message is returned");

export const toolNamesOf = (request: RecordedRequest) =>
  (request.body.tools as Anthropic.Tool[]).map((tool) => tool.name);

export const lastBlocks = (request: RecordedRequest) =>
  request.body.messages.at(-1)!.content as Anthropic.ContentBlockParam[];

/** A parent reply that calls the agent tool with id `parent_call`. */
export const delegate = (input: Record<string, unknown>, id = "parent_call") =>
  reply(toolUse("agent", { description: "Look around", prompt: "Read notes.txt and report.", ...input }, id));
