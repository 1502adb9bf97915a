// The registry seams later chapters use for tools from elsewhere (s19's MCP servers), through the real
// loop and the fake API: late tools, a verbatim JSON schema, deferred tools, and a forwarding tool.
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AgentHooks } from "./hooks.ts";
import { createNoteTool, testLoopSetup } from "./test-loop.ts";
import { defineTool, type Tool, ToolError } from "./tool.ts";

const startLoop = testLoopSetup(useCleanups());

function later<Value>() {
  let resolve: (value: Value) => void = () => {};
  const promise = new Promise<Value>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** `use_tool {name, input}`: forwards to a tool of `tools` by name. */
function createForwarder(tools: readonly Tool[]): Tool {
  return defineTool({
    name: "use_tool",
    description: "Calls a tool by name.",
    input: z.object({ name: z.string(), input: z.record(z.string(), z.unknown()) }),
    forward(input) {
      const { name, input: inner } = input as { name: string; input: unknown };
      const tool = tools.find((candidate) => candidate.name === name);
      return tool ? { tool, input: inner } : `No tool named ${name}.`;
    },
    async run() {
      throw new ToolError("use_tool only forwards");
    },
  });
}

describe("s02 late tools", () => {
  it("waits for late tools before the first request, then lists and runs them", async () => {
    const log: string[] = [];
    const late = later<readonly Tool[]>();
    const { run, requests } = await startLoop([reply(toolUse("note", { text: "hi" })), reply(text("done"))], {
      lateTools: () => late.promise,
    });
    const running = run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests()).toHaveLength(0);
    late.resolve([createNoteTool(log)]);
    expect((await running).reason).toBe("end_turn");
    expect(requests()[0]!.body.tools!.map((tool) => (tool as { name: string }).name)).toEqual([
      "bash",
      "read_file",
      "note",
    ]);
    expect(log).toEqual(["run:hi"]);
  });

  it("an abort while waiting ends the run without a request and reaches the late tools' signal", async () => {
    let lateSignal: AbortSignal | undefined;
    const { run, requests, eventsOf } = await startLoop([reply(text("never"))], {
      lateTools: (signal) => {
        lateSignal = signal;
        return new Promise(() => {});
      },
    });
    const controller = new AbortController();
    const running = run(controller.signal);
    controller.abort();
    expect((await running).reason).toBe("aborted");
    expect(lateSignal?.aborted).toBe(true);
    expect(requests()).toHaveLength(0);
    expect(eventsOf("agent_end")).toEqual([{ type: "agent_end", reason: "aborted" }]);
  });

  it("a late tool whose name is taken ends the run with an error naming it", async () => {
    const { run, requests } = await startLoop([reply(text("never"))], {
      lateTools: async () => [createNoteTool([]), createNoteTool([])],
    });
    const result = await run();
    expect(result.reason).toBe("error");
    expect(String(result.error)).toContain("Duplicate tool name: note");
    expect(requests()).toHaveLength(0);
  });
});

describe("s02 tools defined elsewhere", () => {
  it("sends inputSchema verbatim and leaves deferred tools out of the request, though they still run", async () => {
    const schema = { type: "object" as const, properties: { q: { type: "string", description: "query" } } };
    const log: string[] = [];
    const remote = defineTool({
      name: "remote",
      description: "A tool with its own schema.",
      input: z.looseObject({}),
      inputSchema: schema,
      async run() {
        return "remote ran";
      },
    });
    const hidden: Tool = { ...createNoteTool(log), name: "hidden", deferred: true };
    const { run, requests } = await startLoop(
      [reply(toolUse("hidden", { text: "x" })), reply(text("done"))],
      { tools: [remote, hidden] },
    );
    await run();
    expect(requests()[0]!.body.tools).toEqual([
      { name: "remote", description: "A tool with its own schema.", input_schema: schema },
    ]);
    expect(log).toEqual(["run:x"]);
    assertPairingInvariant(requests());
  });
});

describe("s02 a forwarding tool", () => {
  it("runs the named tool under its own name: hooks see it, the result answers the forwarding call's id", async () => {
    const log: string[] = [];
    const seen: string[] = [];
    const hooks: AgentHooks = {
      preToolUse: (call, context) => {
        seen.push(`${call.name}:${JSON.stringify(call.input)}:${context.tool?.name}`);
        return undefined;
      },
    };
    const note = createNoteTool(log);
    const { run, requests, resultsOf, eventsOf } = await startLoop(
      [
        reply(toolUse("use_tool", { name: "note", input: { text: "via" } }, "toolu_fwd")),
        reply(text("done")),
      ],
      { tools: [createForwarder([note])], hooks },
    );
    await run();
    expect(log).toEqual(["run:via"]);
    expect(seen).toEqual(['note:{"text":"via"}:note']);
    expect(resultsOf(1)).toEqual([
      { type: "tool_result", tool_use_id: "toolu_fwd", content: "noted via", is_error: false },
    ]);
    expect(eventsOf("tool_start").map((event) => [event.id, event.name])).toEqual([["toolu_fwd", "note"]]);
    assertPairingInvariant(requests());
  });

  it("refuses an unknown target and a target that forwards again, each as one is_error result", async () => {
    const forwarder = createForwarder([]);
    const loop = createForwarder([]);
    const nested = createForwarder([{ ...loop, name: "again" }]);
    const { run, requests, resultsOf } = await startLoop(
      [
        reply(
          toolUse("use_tool", { name: "missing", input: {} }, "toolu_a"),
          toolUse("nested", { name: "again", input: {} }, "toolu_b"),
          toolUse("use_tool", { name: 3 }, "toolu_c"),
        ),
        reply(text("done")),
      ],
      { tools: [forwarder, { ...nested, name: "nested" }] },
    );
    await run();
    const results = resultsOf(1);
    expect(results.map((result) => [result.tool_use_id, result.is_error])).toEqual([
      ["toolu_a", true],
      ["toolu_b", true],
      ["toolu_c", true],
    ]);
    expect(results[0]!.content).toBe("No tool named missing.");
    expect(results[1]!.content).toBe("nested cannot call again.");
    expect(String(results[2]!.content)).toContain("Invalid input for use_tool");
    assertPairingInvariant(requests());
  });
});
