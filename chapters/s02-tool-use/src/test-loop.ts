// Test helper for the s02 loop tests: the real loop and SDK against a fresh fake API in a temp workspace,
// with every event recorded, plus small tools whose runs a test can observe.
import type Anthropic from "@anthropic-ai/sdk";
import type { AskUser } from "@lcc/chapter-kit";
import type { Script } from "@lcc/testkit";
import { type AddCleanup, startFakeModel } from "@lcc/testkit/vitest";
import { z } from "zod";
import { type AgentLoopOptions, runAgentLoop } from "./agent-loop.ts";
import { createStreamingCallModel } from "./call-model.ts";
import type { DispatchToolCalls } from "./dispatch.ts";
import type { AgentEvent } from "./events.ts";
import type { AgentHooks, AgentState } from "./hooks.ts";
import type { MessageQueue } from "./message-queue.ts";
import { createToolRegistry, type LateTools } from "./registry.ts";
import { defineTool, type Tool } from "./tool.ts";
import { createBashTool } from "./tools/bash.ts";
import { createReadFileTool } from "./tools/read-file.ts";

declare module "./hooks.ts" {
  interface ContinueReasons {
    /** Only the tests' afterTurn hooks use it. */
    test_nudge: true;
  }
}

export interface TestLoopOptions {
  hooks?: AgentHooks;
  /** Default: bash and read_file. */
  tools?: Tool[];
  /** The registry's late tools. */
  lateTools?: LateTools;
  ask?: AskUser;
  dispatch?: DispatchToolCalls;
  queue?: MessageQueue;
}

/** `setup(script, options)` for a test file: the loop on "go", its fake API and workspace cleaned up after each test. */
export function testLoopSetup(addCleanup: AddCleanup) {
  return async (script: Script, options: TestLoopOptions = {}) => {
    const { fake, workspace, client, cleanup } = await startFakeModel({
      script,
      files: { "notes.txt": "remember the milk\n" },
    });
    addCleanup(cleanup);
    const events: AgentEvent[] = [];
    const state: AgentState = { messages: [{ role: "user", content: "go" }] };
    const loopOptions: AgentLoopOptions = {
      callModel: createStreamingCallModel(client),
      model: "claude-test",
      maxTokens: 1024,
      system: "test system",
      tools: createToolRegistry(options.tools ?? [createBashTool(), createReadFileTool()], options.lateTools),
      workspace,
      onEvent: (event) => events.push(event),
      ...(options.hooks ? { hooks: options.hooks } : {}),
      ...(options.ask ? { ask: options.ask } : {}),
      ...(options.dispatch ? { dispatch: options.dispatch } : {}),
      ...(options.queue ? { queue: options.queue } : {}),
    };
    const requests = () => fake.messageRequests();
    return {
      fake,
      workspace,
      state,
      events,
      requests,
      run: (signal: AbortSignal = new AbortController().signal) => runAgentLoop(state, loopOptions, signal),
      /** The last message of request `index`: the tool results (and anything that joined them). */
      lastBlocks: (index: number) =>
        requests()[index]!.body.messages.at(-1)!.content as Anthropic.ContentBlockParam[],
      resultsOf: (index: number) =>
        (requests()[index]!.body.messages.at(-1)!.content as Anthropic.ContentBlockParam[]).filter(
          (block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result",
        ),
      /** The events of `type`, in order. */
      eventsOf: <Type extends AgentEvent["type"]>(type: Type) =>
        events.filter((event): event is Extract<AgentEvent, { type: Type }> => event.type === type),
    };
  };
}

/**
 * `note {text}`: records "run:<text>" in `log` and answers "noted <text>". Its schema makes `text` a
 * required string, so a rewrite to anything else fails validation.
 */
export function createNoteTool(log: string[]): Tool {
  return defineTool({
    name: "note",
    description: "Records a note.",
    input: z.object({ text: z.string() }),
    async run({ text }) {
      log.push(`run:${text}`);
      return `noted ${text}`;
    },
  });
}

/** A tool without input whose every run throws `createError()`. */
export function createThrowingTool(name: string, createError: () => Error): Tool {
  return defineTool({
    name,
    description: "Always fails.",
    input: z.object({}),
    async run() {
      throw createError();
    },
  });
}
