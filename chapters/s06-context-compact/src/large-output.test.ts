// Lever 0 on its own: what the hook saves, where, and what the model reads instead, for results of
// one text and of several blocks.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import type { AgentEvent, HookContext, ToolResult } from "@lcc/s02";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createLargeOutputHook } from "./large-output.ts";

const addCleanup = useCleanups();

async function setup(thresholdChars = 100) {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  const events: AgentEvent[] = [];
  const hook = createLargeOutputHook({
    workspace: workspace.dir,
    directory: async () => join(workspace.dir, ".lcc", "tool-results"),
    thresholdChars,
  });
  const context: HookContext = {
    state: { messages: [] },
    workspace: workspace.dir,
    signal: new AbortController().signal,
    turn: 1,
    emit: (event) => events.push(event),
  };
  const run = (result: ToolResult, id = "toolu_1") =>
    hook.afterToolCall!({ id, name: "mcp_tool", input: {} }, result, context);
  return { run, events, folder: join(workspace.dir, ".lcc", "tool-results") };
}

const textOf = (block: Anthropic.ContentBlockParam | undefined) => (block?.type === "text" ? block.text : "");

describe("s06 lever 0: large outputs", () => {
  it("leaves a result at or under the threshold untouched", async () => {
    const { run, events } = await setup();
    const result = { content: "y".repeat(100) };
    expect(await run(result)).toBe(result);
    expect(events).toEqual([]);
  });

  it("saves every long text block of one result to its own file, and keeps the other blocks", async () => {
    const { run, folder, events } = await setup();
    const image: Anthropic.ImageBlockParam = {
      type: "image",
      source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" },
    };
    const result = await run({
      content: [
        { type: "text", text: "a".repeat(500) },
        { type: "text", text: "short" },
        image,
        { type: "text", text: "b".repeat(600) },
      ],
    });
    expect(await readFile(join(folder, "toolu_1.txt"), "utf8")).toBe("a".repeat(500));
    expect(await readFile(join(folder, "toolu_1-2.txt"), "utf8")).toBe("b".repeat(600));
    const [first, second, third, fourth] = result.content as Anthropic.ContentBlockParam[];
    expect(textOf(first)).toContain("The full output is saved at .lcc/tool-results/toolu_1.txt");
    expect(second).toEqual({ type: "text", text: "short" });
    expect(third).toBe(image);
    expect(textOf(fourth)).toContain("The full output is saved at .lcc/tool-results/toolu_1-2.txt");
    expect(result.details).toEqual({
      savedOutput: [
        { path: join(folder, "toolu_1.txt"), chars: 500 },
        { path: join(folder, "toolu_1-2.txt"), chars: 600 },
      ],
    });
    expect(events.map((event) => (event.type === "notice" ? event.text : event.type))).toEqual([
      "mcp_tool output (500 characters) saved to .lcc/tool-results/toolu_1.txt",
      "mcp_tool output (600 characters) saved to .lcc/tool-results/toolu_1-2.txt",
    ]);
  });

  it("names the file after a sanitised tool_use id and keeps the result's own details", async () => {
    const { run, folder } = await setup();
    const result = await run({ content: "z".repeat(300), details: { exitCode: 0 } }, "../evil id");
    expect(await readFile(join(folder, "___evil_id.txt"), "utf8")).toBe("z".repeat(300));
    expect(result.details).toEqual({
      exitCode: 0,
      savedOutput: { path: join(folder, "___evil_id.txt"), chars: 300 },
    });
  });
});
