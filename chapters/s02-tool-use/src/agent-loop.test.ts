// The s02 loop against the fake API: the tool contract, start/end events, replies that could break the
// history, and abort mid-tool and mid-stream.
import { existsSync } from "node:fs";
import { join } from "node:path";
import Anthropic from "@anthropic-ai/sdk";
import { appendUserContent } from "@lcc/s01";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { abortWhen, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createThrowingTool, testLoopSetup } from "./test-loop.ts";
import { ToolError } from "./tool.ts";
import { createBashTool } from "./tools/bash.ts";
import { createReadFileTool } from "./tools/read-file.ts";

const startLoop = testLoopSetup(useCleanups());
const tools = [
  createBashTool(),
  createReadFileTool(),
  createThrowingTool("explode", () => new Error("kaboom")),
  createThrowingTool("refuse", () => new ToolError("Not today. Try read_file instead.")),
];
const setup = (script: Parameters<typeof startLoop>[0]) => startLoop(script, { tools });

describe("s02 tool contract in the loop", () => {
  it("derives input_schema from the zod schema without $schema", async () => {
    const { run, requests } = await setup([reply(text("hi"))]);
    await run();
    const apiTools = requests()[0]!.body.tools as Anthropic.Tool[];
    const readFile = apiTools.find((tool) => tool.name === "read_file")!;
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
    const { run, eventsOf } = await setup([{ fault: { kind: "auth" } }]);
    const result = await run();
    expect(result.reason).toBe("error");
    expect(result.error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(eventsOf("agent_end")).toEqual([{ type: "agent_end", reason: "error", error: result.error }]);
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

describe("s02 replies that could break the history", () => {
  it("answers a tool call cut off by max_tokens without running it, and the next prompt stays valid", async () => {
    const cutOff = {
      ...reply(toolUse("bash", { command: "touch ran.txt" }, "t1")),
      stop_reason: "max_tokens" as const,
    };
    const { run, state, requests, workspace } = await setup([cutOff, reply(text("ok"))]);
    expect((await run()).reason).toBe("max_tokens");
    expect(existsSync(join(workspace, "ran.txt"))).toBe(false);
    expect(state.messages.at(-1)).toMatchObject({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "t1", is_error: true }],
    });
    appendUserContent(state.messages, "try again");
    expect((await run()).reason).toBe("end_turn");
    assertPairingInvariant(requests());
  });

  it("does not store an empty reply", async () => {
    const { run, state } = await setup([reply()]);
    expect((await run()).reason).toBe("end_turn");
    expect(state.messages).toEqual([{ role: "user", content: "go" }]);
  });
});

describe("s02 abort", () => {
  it("answers every unanswered tool_use as interrupted when aborted during a tool", async () => {
    const { run, state, requests, workspace } = await setup([
      reply(
        toolUse("bash", { command: "touch started && sleep 20" }, "t1"),
        toolUse("read_file", { path: "notes.txt" }, "t2"),
      ),
    ]);
    const result = await run(abortWhen(() => existsSync(join(workspace, "started"))));
    expect(result.reason).toBe("aborted");
    const results = state.messages.at(-1)!.content as Anthropic.ToolResultBlockParam[];
    expect(results.map((block) => [block.tool_use_id, block.is_error])).toEqual([
      ["t1", true],
      ["t2", true],
    ]);
    expect(String(results[1]!.content)).toContain("Interrupted by user");
    expect(requests()).toHaveLength(1);
  });

  it("stops mid-stream and keeps exactly the text streamed so far, without the unfinished tool call", async () => {
    const full = "streaming a long careful answer";
    const { run, state, events, eventsOf } = await setup([
      { ...reply(text(full), toolUse("bash", { command: "ls" })), chunkDelayMs: 40 },
    ]);
    const result = await run(abortWhen(() => events.some((event) => event.type === "text_delta")));
    expect(result.reason).toBe("aborted");
    const streamed = eventsOf("text_delta")
      .map((event) => event.text)
      .join("");
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed.length).toBeLessThan(full.length);
    expect(full.startsWith(streamed)).toBe(true);
    expect(state.messages).toEqual([
      { role: "user", content: "go" },
      { role: "assistant", content: [{ type: "text", text: streamed }] },
    ]);
  });
});
