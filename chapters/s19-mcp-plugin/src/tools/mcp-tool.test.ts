// An MCP tool as the model sees it and as the pipeline runs it, through a real hub and the scripted server:
// its definition, its results (text, images, everything else as text, isError), and failures as ToolErrors.
import type Anthropic from "@anthropic-ai/sdk";
import { askWithoutTerminal } from "@lcc/chapter-kit";
import {
  createToolContext,
  createToolRegistry,
  runToolCall,
  type Tool,
  ToolError,
  toApiTool,
} from "@lcc/s02";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMcpHub, type McpHub } from "../hub/mcp-hub.ts";
import { scriptedServer, useTestHubs } from "../hub/test-hub.ts";
import type { McpTool } from "../mcp/mcp-client.ts";
import {
  createMcpTool,
  MCP_DESCRIPTION_MAX_CHARS,
  type McpToolDetails,
  summarizeMcpInput,
} from "./mcp-tool.ts";

const context = createToolContext(process.cwd());

/** The hub's tool `name` of `server` as a Tool named mcp__<server>__<name>. */
function toolOf(hub: McpHub, server: string, name: string): Tool {
  const remote = hub
    .servers()
    .find((view) => view.name === server)
    ?.tools.find((tool) => tool.name === name);
  if (!remote) throw new Error(`${server} has no tool ${name}`);
  return createMcpTool(hub, server, remote, `mcp__${server}__${name}`);
}

/** Runs one call through s02's pipeline and returns the tool_result block the model gets. */
async function pipelineResult(tool: Tool, input: unknown): Promise<Anthropic.ToolResultBlockParam> {
  return runToolCall(
    { id: "toolu_1", name: tool.name, input },
    {
      registry: createToolRegistry([tool]),
      hooks: {},
      childHooks: {},
      context: {
        state: { messages: [] },
        workspace: process.cwd(),
        signal: new AbortController().signal,
        turn: 1,
        emit: () => {},
        ask: askWithoutTerminal,
      },
    },
  );
}

describe("an MCP tool's definition", () => {
  const remote = (extra: Partial<McpTool>): McpTool => ({
    name: "search",
    inputSchema: { type: "object", properties: { query: { type: "string" } }, required: ["query"] },
    ...extra,
  });
  const hub = createMcpHub({ servers: [], workspace: process.cwd() });

  it("sends the server's schema verbatim and validates calls with it", () => {
    const tool = createMcpTool(
      hub,
      "docs",
      remote({ description: "Searches the docs." }),
      "mcp__docs__search",
    );
    expect(toApiTool(tool)).toEqual({
      name: "mcp__docs__search",
      description: "[docs] Searches the docs.",
      input_schema: { type: "object", properties: { query: { type: "string" } }, required: ["query"] },
    });
    expect(tool.input.safeParse({ query: "x", extra: 1 }).success).toBe(true);
    expect(tool.input.safeParse({}).success).toBe(false);
  });

  it("accepts any object when zod cannot read the schema", () => {
    const broken = remote({ inputSchema: { type: "object", properties: { a: { $ref: "#/missing" } } } });
    const tool = createMcpTool(hub, "docs", broken, "mcp__docs__search");
    expect(tool.input.safeParse({ anything: true }).success).toBe(true);
    expect(toApiTool(tool).input_schema).toEqual(broken.inputSchema);
  });

  it("caps a long description and falls back to the title or name", () => {
    const long = createMcpTool(hub, "docs", remote({ description: "x".repeat(5_000) }), "mcp__docs__search");
    expect(long.description).toHaveLength(MCP_DESCRIPTION_MAX_CHARS);
    expect(long.description.startsWith("[docs] xxx")).toBe(true);
    expect(long.description.endsWith("…")).toBe(true);
    expect(createMcpTool(hub, "docs", remote({ title: "Search" }), "n").description).toBe("[docs] Search");
  });

  it("is never read-only, whatever the server hints; destructive follows destructiveHint", () => {
    const readOnly = createMcpTool(hub, "docs", remote({ annotations: { readOnlyHint: true } }), "n");
    expect(readOnly.readOnly).toBeUndefined();
    expect(readOnly.destructive).toBeUndefined();
    const destructive = createMcpTool(hub, "docs", remote({ annotations: { destructiveHint: true } }), "n");
    expect(destructive.destructive).toBe(true);
  });

  it("summarizes a call by its first text argument, else its arguments", () => {
    expect(summarizeMcpInput({ count: 2, query: "mcp  servers\nlist" })).toBe("mcp servers list");
    expect(summarizeMcpInput({ a: 2, b: true })).toBe("a=2 b=true");
    expect(summarizeMcpInput({ text: "y".repeat(200) })).toHaveLength(80);
  });
});

describe("an MCP tool's results", () => {
  let hub: McpHub;
  beforeAll(async () => {
    hub = createMcpHub({ servers: [scriptedServer("scripted")], workspace: process.cwd(), env: {} });
    hub.start();
    await hub.settled(5_000);
  });
  afterAll(() => hub.close());

  it("returns the tool's text with details for the UI", async () => {
    const result = await toolOf(hub, "scripted", "echo").run({ text: "hi" }, context);
    expect(result).toEqual({
      content: "echo: hi",
      details: { server: "scripted", tool: "echo", isError: false, images: 0 } satisfies McpToolDetails,
    });
  });

  it("passes API images as image blocks and tells the model in text about everything else", async () => {
    const result = await toolOf(hub, "scripted", "mixed").run({}, context);
    if (typeof result === "string" || typeof result.content === "string") throw new Error("expected blocks");
    const [first, image, rest, ...more] = result.content;
    expect(more).toEqual([]);
    expect(first).toEqual({ type: "text", text: "plain text" });
    expect(image).toMatchObject({ type: "image", source: { type: "base64", media_type: "image/png" } });
    expect(rest?.type).toBe("text");
    const text = rest?.type === "text" ? rest.text : "";
    expect(text).toContain("[image image/svg+xml, 6 bytes: not shown");
    expect(text).toContain("[audio audio/wav, 4 bytes: not shown");
    expect(text).toContain("[resource file:///notes.txt (text/plain)]\nresource text");
    expect(text).toContain(
      "[resource file:///data.bin (application/octet-stream): 3 bytes of binary data, not shown]",
    );
    expect(text).toContain("[resource link linked.md: file:///linked.md (text/markdown)]");
    expect(result.details).toMatchObject({ images: 1, isError: false });
  });

  it("keeps the tool's own error as an error result", async () => {
    const block = await pipelineResult(toolOf(hub, "scripted", "fail"), {});
    expect(block).toMatchObject({ is_error: true, content: "it failed on purpose" });
  });

  it("tells the model which input was wrong before calling the server", async () => {
    const block = await pipelineResult(toolOf(hub, "scripted", "echo"), { txt: "typo" });
    expect(block.is_error).toBe(true);
    expect(JSON.stringify(block.content)).toContain("text");
  });
});

describe("an MCP tool whose server fails", () => {
  const setupHub = useTestHubs();

  it("tells the model the server crashed and is restarted on the next call after the backoff", async () => {
    const { hub, clock } = setupHub([scriptedServer("scripted")]);
    hub.start();
    await hub.settled(5_000);
    const crash = toolOf(hub, "scripted", "crash");
    const crashed = await pipelineResult(crash, { code: 3 });
    expect(crashed.is_error).toBe(true);
    expect(crashed.content).toMatch(
      /^MCP server scripted crashed \(server exited with code 3; stderr: .*crashing on purpose\); it will be restarted on the next call \(in 1 s at the earliest\)/s,
    );
    const early = await crash.run({}, context).catch((error: unknown) => error);
    expect(early).toBeInstanceOf(ToolError);
    expect((early as ToolError).message).toMatch(/is down .* in 1 s at the earliest.*carry on without them/s);
    clock.now = 1_000;
    const echoed = await pipelineResult(toolOf(hub, "scripted", "echo"), { text: "back" });
    expect(echoed).toMatchObject({ is_error: false, content: "echo: back" });
  });

  it("tells the model a call timed out and the server may still be working", async () => {
    const { hub } = setupHub([scriptedServer("scripted")], { toolTimeoutMs: 200 });
    hub.start();
    await hub.settled(5_000);
    const block = await pipelineResult(toolOf(hub, "scripted", "sleep"), {});
    expect(block.content).toBe(
      "sleep on MCP server scripted: tools/call timed out after 200 ms. The server may still be working on it; check before repeating a call that changes things.",
    );
  });
});
