// tool_search and use_tool over a catalogue: keyword ranking, the definitions returned, and use_tool's calls
// sent through s02's real pipeline (routeCall → the target's validation and hooks, the same tool_use id).
import { askWithoutTerminal } from "@lcc/chapter-kit";
import {
  type AgentEvent,
  type AgentHooks,
  createToolContext,
  createToolRegistry,
  defineTool,
  runToolCall,
  type Tool,
} from "@lcc/s02";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createToolSearchTools, searchTools, type ToolSearchDetails } from "./tool-search.ts";

/** A catalogue tool that answers with what it was called with. */
function remoteTool(name: string, description: string): Tool {
  return defineTool({
    name,
    description,
    input: z.object({ message: z.string() }),
    deferred: true,
    async run({ message }) {
      return `${name} got ${message}`;
    },
  });
}

const echo = remoteTool("mcp__everything__echo", "[everything] Echoes back the input string");
const sum = remoteTool("mcp__everything__get-sum", "[everything] Returns the sum of two numbers");
const image = remoteTool("mcp__everything__get-tiny-image", "[everything] Returns a tiny MCP logo image.");
const issue = remoteTool("mcp__github__create_issue", "[github] Opens an issue; echo of a title is fine");
const archive = remoteTool("mcp__archive__save", "[archive] Saves an echo of a page");
const doubleEcho = remoteTool("mcp__everything__double-echo", "[everything] Echoes the input twice");

function setup(catalogue: Tool[] = [echo, sum, image, issue], describeMore?: () => string) {
  const [search, use] = createToolSearchTools({
    catalogue: () => catalogue,
    ...(describeMore ? { describe: describeMore } : {}),
  });
  const registry = createToolRegistry([search, use]);
  const events: AgentEvent[] = [];
  let calls = 0;
  const call = async (name: string, input: unknown, hooks: AgentHooks = {}) => {
    const id = `toolu_${++calls}`;
    const block = await runToolCall(
      { id, name, input },
      {
        registry,
        hooks,
        childHooks: {},
        context: {
          state: { messages: [] },
          workspace: "/tmp",
          signal: new AbortController().signal,
          turn: 1,
          emit: (event) => events.push(event),
          ask: askWithoutTerminal,
        },
      },
    );
    const end = events.findLast((event) => event.type === "tool_end");
    return {
      id: block.tool_use_id,
      text: String(block.content),
      isError: block.is_error === true,
      ranAs: end?.type === "tool_end" ? end.name : undefined,
      details: end?.type === "tool_end" ? end.details : undefined,
    };
  };
  return { search, use, call, catalogue };
}

describe("searchTools", () => {
  it("ranks a word in the name above a word only in the description, and needs every word", () => {
    expect(searchTools([archive, echo, sum], "echo").map((tool) => tool.name)).toEqual([
      "mcp__everything__echo",
      "mcp__archive__save",
    ]);
    expect(searchTools([echo, sum, image], "tiny image").map((tool) => tool.name)).toEqual([
      "mcp__everything__get-tiny-image",
    ]);
    expect(searchTools([echo, sum], "echo sum")).toEqual([]);
  });

  it("puts the exact full name first", () => {
    expect(searchTools([doubleEcho, echo], "mcp__everything__echo").map((tool) => tool.name)).toEqual([
      "mcp__everything__echo",
      "mcp__everything__double-echo",
    ]);
  });
});

describe("tool_search", () => {
  it("is read-only and concurrency-safe, and says more of what exists in its description", () => {
    const { search } = setup([echo], () => "Deferred: mcp__everything__echo");
    expect(search.readOnly).toBe(true);
    expect(search.concurrencySafe).toBe(true);
    expect(search.description).toContain("Deferred: mcp__everything__echo");
  });

  it("returns each match's full name, description and input schema as JSON", async () => {
    const { call } = setup();
    const result = await call("tool_search", { query: "echo", limit: 1 });
    expect(result.isError).toBe(false);
    expect(result.text).toContain("## mcp__everything__echo\n[everything] Echoes back the input string\n");
    expect(result.text).toContain(
      'input schema: {"type":"object","properties":{"message":{"type":"string"}}',
    );
    expect(result.text).toContain("(1 more match; raise limit or narrow the query)");
    expect(result.text).not.toContain("## mcp__github__create_issue");
    expect(result.details).toEqual({
      query: "echo",
      matches: ["mcp__everything__echo"],
      searched: 4,
    } satisfies ToolSearchDetails);
  });

  it("lists every name for an empty query, and says when nothing matches", async () => {
    const { call } = setup();
    const all = await call("tool_search", { query: "" });
    expect(all.text).toBe(
      "4 tools (tool_search a name for its input schema):\nmcp__everything__echo\nmcp__everything__get-sum\nmcp__everything__get-tiny-image\nmcp__github__create_issue",
    );
    const none = await call("tool_search", { query: "weather" });
    expect(none.text).toContain('No tool matches "weather"');
  });
});

describe("use_tool", () => {
  it("runs the named tool under its own name, answering the use_tool call's id; hooks see the target", async () => {
    const seen: string[] = [];
    const hooks: AgentHooks = {
      preToolUse: (call) => {
        seen.push(`${call.name} ${JSON.stringify(call.input)}`);
        return undefined;
      },
    };
    const { call } = setup();
    const result = await call("use_tool", { name: "mcp__everything__echo", input: { message: "hi" } }, hooks);
    expect(result).toMatchObject({ id: "toolu_1", text: "mcp__everything__echo got hi", isError: false });
    expect(result.ranAs).toBe("mcp__everything__echo");
    expect(seen).toEqual(['mcp__everything__echo {"message":"hi"}']);
  });

  it("reads the catalogue at call time, so a tool added after the tools were built is found and runs", async () => {
    const catalogue: Tool[] = [];
    const { call } = setup(catalogue);
    catalogue.push(sum);
    expect((await call("tool_search", { query: "sum" })).text).toContain("## mcp__everything__get-sum");
    const result = await call("use_tool", { name: "mcp__everything__get-sum", input: { message: "2+2" } });
    expect(result.text).toBe("mcp__everything__get-sum got 2+2");
  });

  it("refuses a name outside the catalogue, and checks the input against the target's schema", async () => {
    const { call } = setup();
    const unknown = await call("use_tool", { name: "bash", input: { command: "ls" } });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toContain('No tool named "bash" can be called through use_tool');
    const bad = await call("use_tool", { name: "mcp__everything__echo", input: { text: "hi" } });
    expect(bad.isError).toBe(true);
    expect(bad.text).toContain("mcp__everything__echo");
    expect(bad.ranAs).toBe("mcp__everything__echo");
  });

  it("never runs by itself", async () => {
    const { use } = setup();
    await expect(use.run({ name: "x", input: {} }, createToolContext("/tmp"))).rejects.toThrow(
      "only forwards",
    );
  });
});
