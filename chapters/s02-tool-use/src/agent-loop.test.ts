import { existsSync } from "node:fs";
import { join } from "node:path";
import Anthropic from "@anthropic-ai/sdk";
import { appendUserContent, MAX_TOOL_OUTPUT_CHARS } from "@lcc/s01";
import { assertPairingInvariant, reply, type Script, text, toolUse } from "@lcc/testkit";
import { abortWhen, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runAgentLoop } from "./agent-loop.ts";
import { createStreamingCallModel } from "./call-model.ts";
import type { AgentEvent } from "./events.ts";
import type { AgentHooks, AgentState } from "./hooks.ts";
import { createToolRegistry } from "./registry.ts";
import { defineTool, ToolError } from "./tool.ts";
import { createBashTool } from "./tools/bash.ts";
import { createReadFileTool } from "./tools/read-file.ts";

const addCleanup = useCleanups();

/** A tool without input whose every run throws `createError()`. */
const throwingTool = (name: string, description: string, createError: () => Error) =>
  defineTool({
    name,
    description,
    input: z.object({}),
    async run() {
      throw createError();
    },
  });

const failingTool = throwingTool("explode", "Always fails.", () => new Error("kaboom"));
const refusingTool = throwingTool(
  "refuse",
  "Refuses with advice.",
  () => new ToolError("Not today. Try read_file instead."),
);

async function setup(script: Script, hooks: AgentHooks = {}) {
  const { fake, workspace, client, cleanup } = await startFakeModel({
    script,
    files: { "notes.txt": "remember the milk\n" },
  });
  addCleanup(cleanup);
  const events: AgentEvent[] = [];
  const state: AgentState = { messages: [{ role: "user", content: "go" }] };
  const tools = createToolRegistry([createBashTool(), createReadFileTool(), failingTool, refusingTool]);
  const run = (signal: AbortSignal = new AbortController().signal) =>
    runAgentLoop(
      state,
      {
        callModel: createStreamingCallModel(client),
        model: "claude-test",
        maxTokens: 1024,
        system: "test system",
        tools,
        hooks,
        workspace,
        onEvent: (event) => events.push(event),
      },
      signal,
    );
  const resultsOf = (requestIndex: number) =>
    fake.messageRequests()[requestIndex]!.body.messages.at(-1)!.content as Anthropic.ToolResultBlockParam[];
  return { fake, workspace, state, events, run, resultsOf };
}

describe("s02 tool contract in the loop", () => {
  it("derives input_schema from the zod schema without $schema", async () => {
    const { run, fake } = await setup([reply(text("hi"))]);
    await run();
    const tools = fake.messageRequests()[0]!.body.tools as Anthropic.Tool[];
    const readFile = tools.find((tool) => tool.name === "read_file")!;
    expect(readFile.input_schema).toMatchObject({ type: "object", required: ["path"] });
    expect(readFile.input_schema).not.toHaveProperty("$schema");
  });

  it("turns invalid input into an is_error result that names the bad field and echoes the input", async () => {
    const { run, resultsOf } = await setup([
      reply(toolUse("read_file", { path: 42 }, "t1")),
      reply(text("ok")),
    ]);
    await run();
    const [result] = resultsOf(1);
    expect(result).toMatchObject({ tool_use_id: "t1", is_error: true });
    expect(result!.content).toContain("- path:");
    expect(result!.content).toContain('Received: {"path":42}');
  });

  it("turns an unknown tool into an is_error result listing the available tools", async () => {
    const { run, resultsOf } = await setup([reply(toolUse("fly", {}, "t1")), reply(text("ok"))]);
    await run();
    expect(resultsOf(1)[0]).toMatchObject({
      is_error: true,
      content: 'Unknown tool "fly". Available tools: bash, read_file, explode, refuse.',
    });
  });

  it("turns a thrown error into an is_error result and a ToolError into its own message", async () => {
    const { run, resultsOf } = await setup([
      reply(toolUse("explode", {}, "t1"), toolUse("refuse", {}, "t2")),
      reply(text("ok")),
    ]);
    const result = await run();
    expect(result.reason).toBe("end_turn");
    expect(resultsOf(1)).toEqual([
      { type: "tool_result", tool_use_id: "t1", content: "explode failed: kaboom", is_error: true },
      {
        type: "tool_result",
        tool_use_id: "t2",
        content: "Not today. Try read_file instead.",
        is_error: true,
      },
    ]);
  });

  it("reports a model failure as an end reason instead of throwing", async () => {
    const { run } = await setup([{ fault: { kind: "auth" } }]);
    const result = await run();
    expect(result.reason).toBe("error");
    expect(result.error).toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it("emits start/end pairs for the loop, each turn and each tool", async () => {
    const { run, events } = await setup([
      reply(toolUse("read_file", { path: "notes.txt" })),
      reply(text("done")),
    ]);
    await run();
    expect(events.filter((event) => event.type !== "text_delta").map((event) => event.type)).toEqual([
      "agent_start",
      "turn_start",
      "turn_end",
      "tool_start",
      "tool_end",
      "turn_start",
      "turn_end",
      "agent_end",
    ]);
  });
});

describe("s02 seams", () => {
  it("beforeToolCall can block a call with a reason the model reads", async () => {
    const hooks: AgentHooks = {
      beforeToolCall: (call) =>
        call.name === "bash" ? { kind: "block", reason: "No shell today." } : undefined,
    };
    const { run, resultsOf } = await setup(
      [reply(toolUse("bash", { command: "touch x" }, "t1")), reply(text("ok"))],
      hooks,
    );
    await run();
    expect(resultsOf(1)[0]).toMatchObject({ content: "No shell today.", is_error: true });
  });

  it("beforeToolCall can rewrite the input, which is validated again before run", async () => {
    const hooks: AgentHooks = {
      beforeToolCall: () => ({ kind: "rewrite", input: { command: "echo rewritten" } }),
    };
    const { run, resultsOf } = await setup(
      [reply(toolUse("bash", { command: "echo original" }, "t1")), reply(text("ok"))],
      hooks,
    );
    await run();
    expect(resultsOf(1)[0]!.content).toBe("rewritten\n[exit code 0]");
  });

  it("afterToolCall can reshape a result and transformContext sees every request's history", async () => {
    const seen: number[] = [];
    const hooks: AgentHooks = {
      afterToolCall: (_call, result) => ({ ...result, content: `[shaped] ${String(result.content)}` }),
      transformContext: (messages) => {
        seen.push(messages.length);
        return messages;
      },
    };
    const { run, resultsOf } = await setup(
      [reply(toolUse("read_file", { path: "notes.txt" }, "t1")), reply(text("ok"))],
      hooks,
    );
    await run();
    expect(String(resultsOf(1)[0]!.content).startsWith("[shaped]")).toBe(true);
    expect(seen).toEqual([1, 3]);
  });

  it("wrapCallModel sees every request", async () => {
    let calls = 0;
    const hooks: AgentHooks = {
      wrapCallModel: (next) => (request, options) => {
        calls++;
        return next(request, options);
      },
    };
    const { run } = await setup(
      [reply(toolUse("read_file", { path: "notes.txt" })), reply(text("ok"))],
      hooks,
    );
    await run();
    expect(calls).toBe(2);
  });
});

describe("s02 replies and hooks that could break the history", () => {
  it("answers a tool call cut off by max_tokens without running it, and the next prompt stays valid", async () => {
    const cutOff = {
      ...reply(toolUse("bash", { command: "touch ran.txt" }, "t1")),
      stop_reason: "max_tokens" as const,
    };
    const { run, state, fake, workspace } = await setup([cutOff, reply(text("ok"))]);
    expect((await run()).reason).toBe("max_tokens");
    expect(existsSync(join(workspace, "ran.txt"))).toBe(false);
    expect(state.messages.at(-1)).toMatchObject({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "t1", is_error: true }],
    });
    appendUserContent(state.messages, "try again");
    expect((await run()).reason).toBe("end_turn");
    assertPairingInvariant(fake.messageRequests());
  });

  it("does not store an empty reply", async () => {
    const { run, state } = await setup([reply()]);
    expect((await run()).reason).toBe("end_turn");
    expect(state.messages).toEqual([{ role: "user", content: "go" }]);
  });

  it("turns a throwing beforeToolCall hook into an is_error result and goes on", async () => {
    const hooks: AgentHooks = {
      beforeToolCall: () => {
        throw new Error("permission store unreadable");
      },
    };
    const { run, resultsOf, fake } = await setup(
      [reply(toolUse("bash", { command: "echo hi" }, "t1")), reply(text("ok"))],
      hooks,
    );
    expect((await run()).reason).toBe("end_turn");
    expect(resultsOf(1)[0]).toMatchObject({
      content: "bash failed: permission store unreadable",
      is_error: true,
    });
    assertPairingInvariant(fake.messageRequests());
  });

  it("keeps the tool's output when a throwing afterToolCall hook fails", async () => {
    const hooks: AgentHooks = {
      afterToolCall: () => {
        throw new Error("log disk full");
      },
    };
    const { run, resultsOf } = await setup(
      [reply(toolUse("bash", { command: "echo hi" }, "t1")), reply(text("ok"))],
      hooks,
    );
    await run();
    expect(resultsOf(1)[0]).toMatchObject({
      content: "hi\n[exit code 0]\n[a hook processing this result failed: log disk full]",
      is_error: false,
    });
  });

  it("caps a long block reason like any other tool output", async () => {
    const hooks: AgentHooks = { beforeToolCall: () => ({ kind: "block", reason: "x".repeat(80_000) }) };
    const { run, resultsOf } = await setup(
      [reply(toolUse("bash", { command: "echo hi" }, "t1")), reply(text("ok"))],
      hooks,
    );
    await run();
    expect(String(resultsOf(1)[0]!.content).length).toBeLessThanOrEqual(MAX_TOOL_OUTPUT_CHARS);
  });
});

describe("s02 abort", () => {
  it("answers every unanswered tool_use as interrupted when aborted during a tool", async () => {
    const { run, state, events, fake } = await setup([
      reply(
        toolUse("bash", { command: "sleep 20" }, "t1"),
        toolUse("read_file", { path: "notes.txt" }, "t2"),
      ),
    ]);
    const result = await run(abortWhen(() => events.some((event) => event.type === "tool_start"), 100));
    expect(result.reason).toBe("aborted");
    const results = state.messages.at(-1)!.content as Anthropic.ToolResultBlockParam[];
    expect(results.map((block) => [block.tool_use_id, block.is_error])).toEqual([
      ["t1", true],
      ["t2", true],
    ]);
    expect(String(results[1]!.content)).toContain("Interrupted by user");
    expect(fake.messageRequests()).toHaveLength(1);
  });

  it("stops mid-stream and keeps the partial text only", async () => {
    const { run, state, events } = await setup([
      {
        ...reply(text("streaming a long careful answer"), toolUse("bash", { command: "ls" })),
        chunkDelayMs: 40,
      },
    ]);
    const result = await run(abortWhen(() => events.some((event) => event.type === "text_delta")));
    expect(result.reason).toBe("aborted");
    expect(JSON.stringify(state.messages.at(-1))).not.toContain("tool_use");
  });
});
