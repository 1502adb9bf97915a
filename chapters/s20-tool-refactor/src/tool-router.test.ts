// The router holds every earlier tool without loss (same names, order, traits, code), traces each to its
// source, and names the pipeline's phases in the order s02's real pipeline runs them.
import { askWithoutTerminal } from "@lcc/chapter-kit";
import {
  type AgentHooks,
  createSetupContext,
  createToolRegistry,
  defineTool,
  runToolCall,
  type SetupContext,
  toApiTool,
} from "@lcc/s02";
import { createMcpSetup } from "@lcc/s19";
import { createTempWorkspace, reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRouterSetup } from "./agent.ts";
import { DEFERRED_BUILT_IN_TOOLS } from "./deferred-built-ins.ts";
import { PIPELINE_PHASES } from "./pipeline-phases.ts";
import { testRouterSetup, tinyMcpServer } from "./test-agent.ts";
import { createToolRouter, TRAIT_NAMES } from "./tool-router.ts";
import { sourceLabel, toolSourceOf } from "./tool-sources.ts";

const addCleanup = useCleanups();
const start = testRouterSetup(addCleanup);

/** A setup context outside a session, on a temp workspace and home (no model is called). */
async function setupContext(): Promise<SetupContext> {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  return createSetupContext(workspace.dir);
}

describe("the router over every earlier chapter's tools", () => {
  it("holds every tool of the previous chapter's setup, in order, with its traits and code", async () => {
    const context = await setupContext();
    const home = context.workspace;
    const before = await createMcpSetup(context, { home });
    const after = await createRouterSetup(context, { home });
    expect(after.tools.map((tool) => tool.name)).toEqual(before.tools.map((tool) => tool.name));
    const table = after.router.table(after.tools);
    for (const [index, tool] of before.tools.entries()) {
      const entry = table[index]!;
      const routed = after.tools[index]!;
      const deferred = Object.hasOwn(DEFERRED_BUILT_IN_TOOLS, tool.name);
      expect(entry.traits, tool.name).toEqual({
        readOnly: Boolean(tool.readOnly),
        destructive: Boolean(tool.destructive),
        concurrencySafe: Boolean(tool.concurrencySafe),
        parentOnly: Boolean(tool.parentOnly),
        deferred,
      });
      expect(entry.listed, tool.name).toBe(!deferred);
      // The same definition the model reads, and every other field: a deferred tool only gains the flag.
      expect(toApiTool(routed), tool.name).toEqual(toApiTool(tool));
      expect(Object.keys(routed).sort(), tool.name).toEqual(
        [...new Set([...Object.keys(tool), ...(deferred ? ["deferred"] : [])])].sort(),
      );
      // Every built-in is traced to the chapter that taught it.
      expect(entry.source.kind, tool.name).not.toBe("setup");
    }
    expect(after.dispatch).toBe(after.router.dispatch);
  });

  it("defers only names of real tools, each with a reason", async () => {
    const context = await setupContext();
    const setup = await createRouterSetup(context, { home: context.workspace });
    const names = setup.tools.map((tool) => tool.name);
    for (const [name, reason] of Object.entries(DEFERRED_BUILT_IN_TOOLS)) {
      expect(names, name).toContain(name);
      expect(reason.length, name).toBeGreaterThan(10);
    }
    const listed = ["bash", "read_file", "write_file", "edit_file", "todo_write", "agent", "load_skill"];
    for (const name of listed)
      expect(setup.tools.find((tool) => tool.name === name)?.deferred, name).toBeFalsy();
  });

  it("traces tools to a chapter, an MCP server (the longest matching name), the agent tool, or the setup", () => {
    const lookup = { mcpServers: () => ["docs", "every.thing", "docs__v2"], extraSources: { glob: "full" } };
    const names = [
      "bash",
      "worktree_run",
      "agent",
      "mcp__every_thing__echo",
      "mcp__docs__v2__find",
      "glob",
      "x",
    ];
    const labels = names.map((name) => sourceLabel(toolSourceOf(name, lookup)));
    expect(labels).toEqual(["s01", "s18", "agent (s04)", "mcp:every.thing", "mcp:docs__v2", "full", "setup"]);
    expect(sourceLabel(toolSourceOf("mcp__gone__x"))).toBe("mcp:gone");
  });

  it("resolves every trait to a boolean and marks a forwarding tool", () => {
    const plain = defineTool({ name: "t", description: "", input: z.object({}), run: async () => "" });
    const forwarding = { ...plain, name: "f", readOnly: true, forward: () => "no" };
    const [first, second] = createToolRouter({ deferred: {} }).table([plain, forwarding]);
    expect(first!.traits).toEqual(Object.fromEntries(TRAIT_NAMES.map((name) => [name, false])));
    expect([first!.forwards, second!.forwards, second!.traits.readOnly]).toEqual([false, true, true]);
  });
});

describe("the router over a session with an MCP server", () => {
  it("holds every tool the s19 session registers, MCP tools included, with its source and traits", async () => {
    const options = { servers: [tinyMcpServer()] };
    const s19 = await start({ script: [reply(text("Hi."))], options, createSetup: createMcpSetup });
    const s20 = await start({ script: [reply(text("Hi."))], options });
    await s19.run("hi");
    await s20.run("hi");
    const before = s19.agent.resolved.registry.list();
    const after = s20.agent.resolved.registry.list();
    // s19 lists every tool of its one small server; s20 adds the tool_search pair for its deferred built-ins.
    expect(after.map((tool) => tool.name)).toEqual([
      ...before.map((tool) => tool.name),
      "tool_search",
      "use_tool",
    ]);
    const table = s20.setup().router.table(after);
    for (const [index, tool] of before.entries()) {
      const deferred = Object.hasOwn(DEFERRED_BUILT_IN_TOOLS, tool.name);
      expect(table[index]!.traits, tool.name).toEqual({
        readOnly: Boolean(tool.readOnly),
        destructive: Boolean(tool.destructive),
        concurrencySafe: Boolean(tool.concurrencySafe),
        parentOnly: Boolean(tool.parentOnly),
        deferred,
      });
      expect(toApiTool(after[index]!), tool.name).toEqual(toApiTool(tool));
      expect(table[index]!.source.kind, tool.name).not.toBe("setup");
    }
    const row = (name: string) => table.find((entry) => entry.name === name);
    expect(sourceLabel(row("mcp__tiny__lookup")!.source)).toBe("mcp:tiny");
    expect(row("mcp__tiny__drop_table")!.traits.destructive).toBe(true);
    expect(row("use_tool")).toMatchObject({ forwards: true, source: { kind: "built-in", chapter: "s19" } });
    expect(row("tool_search")!.traits).toMatchObject({ readOnly: true, concurrencySafe: true });
  });
});

describe("PIPELINE_PHASES", () => {
  it("names the phases in the order s02's pipeline runs them", async () => {
    const seen: string[] = [];
    const tool = defineTool({
      name: "probe",
      description: "records when it runs",
      input: z.object({ value: z.string() }).transform((input) => {
        seen.push("validate");
        return input;
      }),
      async run() {
        seen.push("run");
        return "ran";
      },
    });
    const hooks: AgentHooks = {
      preToolUse: async () => void seen.push("preToolUse"),
      permission: async () => void seen.push("permission"),
      postToolUse: async (_call, result) => {
        seen.push("postToolUse");
        return result;
      },
      shapeResult: async (_call, result) => {
        seen.push("shapeResult");
        return result;
      },
    };
    const result = await runToolCall(
      { id: "toolu_1", name: "probe", input: { value: "x" } },
      {
        registry: createToolRegistry([tool]),
        hooks,
        childHooks: {},
        context: {
          state: { messages: [] },
          workspace: "/tmp",
          signal: new AbortController().signal,
          turn: 1,
          emit: () => {},
          ask: askWithoutTerminal,
        },
      },
    );
    expect(result.content).toBe("ran");
    expect(seen).toEqual(PIPELINE_PHASES.map((phase) => phase.seam));
  });
});
