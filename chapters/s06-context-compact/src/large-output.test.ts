// Lever 0 on its own: what the hook saves, where, and what the model reads instead, for results of
// one text and of several blocks, and for an output the bash tool had already cut.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { askWithoutTerminal } from "@lcc/chapter-kit";
import {
  type AgentEvent,
  createBashTool,
  createToolContext,
  type HookContext,
  type ToolResult,
} from "@lcc/s02";
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
    ask: askWithoutTerminal,
  };
  const run = (result: ToolResult, id = "toolu_1", name = "mcp_tool") =>
    hook.shapeResult!({ id, name, input: {} }, result, context);
  return { run, events, dir: workspace.dir, folder: join(workspace.dir, ".lcc", "tool-results") };
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
        { path: join(folder, "toolu_1.txt"), chars: 500, complete: true, droppedChars: 0 },
        { path: join(folder, "toolu_1-2.txt"), chars: 600, complete: true, droppedChars: 0 },
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
    // Private to the user, like transcripts: output can hold whatever the commands printed.
    expect((await stat(join(folder, "___evil_id.txt"))).mode & 0o777).toBe(0o600);
    expect(result.details).toEqual({
      exitCode: 0,
      savedOutput: { path: join(folder, "___evil_id.txt"), chars: 300, complete: true, droppedChars: 0 },
    });
  });

  it("says when the saved file holds only the beginning and end of an output the tool had cut", async () => {
    const { run, dir, folder, events } = await setup();
    // bash keeps at most maxOutputChars (1,000,000 in s06) of a 50 MB output; here 2,000 of 10,000.
    const bash = createBashTool({ maxOutputChars: 2_000, savedOverChars: 100 });
    const command = "head -c 10000 /dev/zero | tr '\\0' x";
    const output = await bash.run({ command }, createToolContext(dir, { toolUseId: "toolu_cut" }));
    const result = await run(typeof output === "string" ? { content: output } : output, "toolu_cut", "bash");
    const saved = await readFile(join(folder, "toolu_cut.txt"), "utf8");
    expect(saved).toContain("[... 8200 characters cut from the middle of 10000 ...]");
    expect(result.details).toMatchObject({
      exitCode: 0,
      droppedChars: 8_200,
      savedOutput: { chars: saved.length, complete: false, droppedChars: 8_200 },
    });
    const preview = String(result.content);
    expect(preview).toContain(
      "[... output too long for the context, and too long to keep whole: 8,200 characters were cut from its middle " +
        "before it was saved, and they are lost",
    );
    expect(preview).toContain(
      `Its beginning and end (${saved.length.toLocaleString("en-US")} characters, 6 lines) are saved at ` +
        ".lcc/tool-results/toolu_cut.txt, the cut marked inside: read it with read_file",
    );
    expect(preview).not.toContain("The full output is saved");
    expect(events.at(-1)).toMatchObject({
      text: expect.stringContaining("(its middle, 8,200 characters, was cut before)"),
    });
  });

  it("calls a saved output whole when the tool cut nothing", async () => {
    const { run } = await setup();
    const result = await run({ content: "w".repeat(300), details: { exitCode: 0, droppedChars: 0 } });
    expect(String(result.content)).toContain("The full output is saved at .lcc/tool-results/toolu_1.txt");
    expect(result.details).toMatchObject({ savedOutput: { complete: true, droppedChars: 0 } });
  });
});
