// The tool pipeline through the real loop: the order of its phases, how PreToolUse and permission
// decisions combine, rewrites, throwing hooks, and what the model reads. Pairing is checked on every request.
import { existsSync } from "node:fs";
import type { AskRequest, AskUser } from "@lcc/chapter-kit";
import { MAX_TOOL_OUTPUT_CHARS } from "@lcc/s01";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AgentHooks, ToolCall } from "./hooks.ts";
import { createNoteTool, testLoopSetup } from "./test-loop.ts";
import { defineTool, resultText } from "./tool.ts";
import { createBashTool } from "./tools/bash.ts";

const startLoop = testLoopSetup(useCleanups());

/** The loop with `note` (logging its runs to `log`) and bash, on one reply with `calls`, then "ok". */
async function setup(
  calls: ReturnType<typeof toolUse>[],
  hooks: AgentHooks,
  { ask, log = [] }: { ask?: AskUser; log?: string[] } = {},
) {
  const session = await startLoop([reply(...calls), reply(text("ok"))], {
    tools: [createNoteTool(log), createBashTool()],
    hooks,
    ...(ask ? { ask } : {}),
  });
  const result = await session.run();
  assertPairingInvariant(session.requests());
  return { ...session, log, result };
}

const note = (value: string, id: string) => toolUse("note", { text: value }, id);
const textOf = (call: ToolCall) => (call.input as { text: string }).text;

describe("s02 tool pipeline order", () => {
  it("runs preToolUse → permission → run → postToolUse → shapeResult, and shapeResult sees postToolUse's result", async () => {
    const log: string[] = [];
    const hooks: AgentHooks = {
      preToolUse: (call) => {
        log.push(`pre:${textOf(call)}`);
        return { kind: "allow", source: "test-hook" };
      },
      permission: (call, _context, earlier) => {
        log.push(`permission:${textOf(call)} after ${earlier?.kind}`);
        return undefined;
      },
      postToolUse: (_call, result) => {
        log.push(`post:${resultText(result)}`);
        return { ...result, content: `${resultText(result)} +post` };
      },
      shapeResult: (_call, result) => {
        log.push(`shape:${resultText(result)}`);
        return { ...result, content: `${resultText(result)} +shape` };
      },
    };
    const session = await setup([note("a", "t1")], hooks, { log });
    expect(log).toEqual([
      "pre:a",
      "permission:a after allow",
      "run:a",
      "post:noted a",
      "shape:noted a +post",
    ]);
    expect(session.resultsOf(1)[0]).toMatchObject({ content: "noted a +post +shape", is_error: false });
    expect(session.eventsOf("tool_decision")).toEqual([
      {
        type: "tool_decision",
        id: "t1",
        name: "note",
        phase: "pre_tool_use",
        decision: "allow",
        source: "test-hook",
      },
    ]);
  });

  it("lets a permission deny beat a preToolUse allow: the call does not run and the model reads why", async () => {
    const hooks: AgentHooks = {
      preToolUse: () => ({ kind: "allow", reason: "hook says fine" }),
      permission: () => ({ kind: "deny", reason: "Denied by rule note(*).", source: "settings" }),
    };
    const { log, resultsOf, eventsOf, result } = await setup([note("a", "t1")], hooks);
    expect(log).toEqual([]);
    expect(resultsOf(1)[0]).toMatchObject({ content: "Denied by rule note(*).", is_error: true });
    expect(eventsOf("tool_decision").map(({ phase, decision }) => `${phase}:${decision}`)).toEqual([
      "pre_tool_use:allow",
      "permission:deny",
    ]);
    expect(eventsOf("tool_end")[0]).toMatchObject({ isError: true, details: { deniedBy: "permission" } });
    expect(result.reason).toBe("end_turn");
  });

  it("stops the call at a preToolUse deny, before the permission check and the run", async () => {
    let permissionCalls = 0;
    const hooks: AgentHooks = {
      preToolUse: (call) => (call.name === "bash" ? { kind: "deny", reason: "No shell today." } : undefined),
      permission: () => {
        permissionCalls += 1;
        return undefined;
      },
    };
    const { resultsOf, workspace } = await setup([toolUse("bash", { command: "touch x" }, "t1")], hooks);
    expect(resultsOf(1)[0]).toMatchObject({ content: "No shell today.", is_error: true });
    expect(permissionCalls).toBe(0);
    expect(existsSync(`${workspace}/x`)).toBe(false);
  });

  it("caps a long deny reason like any other tool output", async () => {
    const hooks: AgentHooks = { preToolUse: () => ({ kind: "deny", reason: "x".repeat(80_000) }) };
    const { resultsOf } = await setup([note("a", "t1")], hooks);
    expect(String(resultsOf(1)[0]!.content).length).toBeLessThanOrEqual(MAX_TOOL_OUTPUT_CHARS);
  });
});

describe("s02 rewritten input", () => {
  it("runs what a rewrite or an allow with input says, validated again; an invalid rewrite names the field", async () => {
    const hooks: AgentHooks = {
      preToolUse: (call) => {
        if (call.id === "t1") return { kind: "rewrite", input: { text: "rewritten" }, reason: "normalised" };
        if (call.id === "t3") return { kind: "rewrite", input: { text: 42 } };
        return undefined;
      },
      permission: (call) =>
        call.id === "t2" ? { kind: "allow", input: { text: "from permission" } } : undefined,
    };
    const { log, resultsOf, eventsOf } = await setup(
      [note("original 1", "t1"), note("original 2", "t2"), note("original 3", "t3")],
      hooks,
    );
    expect(log).toEqual(["run:rewritten", "run:from permission"]);
    const [first, second, third] = resultsOf(1);
    expect(first).toMatchObject({ content: "noted rewritten", is_error: false });
    expect(second).toMatchObject({ content: "noted from permission", is_error: false });
    expect(third).toMatchObject({ tool_use_id: "t3", is_error: true });
    expect(third!.content).toContain("- text:");
    expect(third!.content).toContain('Received: {"text":42}');
    expect(eventsOf("tool_decision")[0]).toMatchObject({
      id: "t1",
      decision: "rewrite",
      reason: "normalised",
    });
  });

  it("runs a bash command a hook rewrote", async () => {
    const hooks: AgentHooks = {
      preToolUse: () => ({ kind: "rewrite", input: { command: "echo rewritten" } }),
    };
    const { resultsOf } = await setup([toolUse("bash", { command: "echo original" }, "t1")], hooks);
    expect(resultsOf(1)[0]!.content).toBe("rewritten\n[exit code 0]");
  });
});

describe("s02 ask verdicts", () => {
  it("asks the user: y runs the call, n with text refuses it and the model reads the text", async () => {
    const asked: AskRequest[] = [];
    const answers = [
      { kind: "choice", key: "y" },
      { kind: "choice", key: "n", text: "use pnpm instead" },
    ] as const;
    const ask: AskUser = async (request) => {
      asked.push(request);
      return answers[asked.length - 1]!;
    };
    const hooks: AgentHooks = { permission: () => ({ kind: "ask", reason: "notes need approval" }) };
    const { log, resultsOf, eventsOf } = await setup([note("first", "t1"), note("second", "t2")], hooks, {
      ask,
    });
    expect(asked.map((request) => request.question)).toEqual([
      'Allow note({"text":"first"})? (notes need approval)',
      'Allow note({"text":"second"})? (notes need approval)',
    ]);
    expect(asked[0]!.choices.map((choice) => choice.key)).toEqual(["y", "n"]);
    expect(log).toEqual(["run:first"]);
    const [allowed, refused] = resultsOf(1);
    expect(allowed).toMatchObject({ content: "noted first", is_error: false });
    expect(refused).toMatchObject({ is_error: true });
    expect(refused!.content).toContain("The user refused this call: use pnpm instead.");
    expect(eventsOf("tool_end")[1]).toMatchObject({ details: { deniedBy: "user" } });
  });

  it("refuses an ask with a clear message when there is no terminal to ask", async () => {
    const hooks: AgentHooks = { preToolUse: () => ({ kind: "ask" }) };
    const { log, resultsOf } = await setup([note("a", "t1")], hooks);
    expect(log).toEqual([]);
    expect(resultsOf(1)[0]).toMatchObject({
      is_error: true,
      content:
        "Not run: this call needs the user's approval and there is no terminal to ask the user (headless or piped input), so the request was refused.",
    });
  });
});

describe("s02 hooks that throw", () => {
  it("turns a throwing preToolUse or permission check into an is_error result and goes on", async () => {
    const hooks: AgentHooks = {
      preToolUse: (call) => {
        if (call.id === "t1") throw new Error("hook script crashed");
        return undefined;
      },
      permission: (call) => {
        if (call.id === "t2") throw new Error("permission store unreadable");
        return undefined;
      },
    };
    const { log, resultsOf, result, requests } = await setup(
      [note("a", "t1"), note("b", "t2"), note("c", "t3")],
      hooks,
    );
    expect(log).toEqual(["run:c"]);
    expect(resultsOf(1)).toEqual([
      {
        type: "tool_result",
        tool_use_id: "t1",
        content: "A PreToolUse hook failed, so the call did not run: hook script crashed",
        is_error: true,
      },
      {
        type: "tool_result",
        tool_use_id: "t2",
        content: "A permission check failed, so the call did not run: permission store unreadable",
        is_error: true,
      },
      { type: "tool_result", tool_use_id: "t3", content: "noted c", is_error: false },
    ]);
    expect(result.reason).toBe("end_turn");
    expect(requests()).toHaveLength(2);
  });

  it("keeps the tool's output, with a note, when postToolUse throws", async () => {
    const hooks: AgentHooks = {
      postToolUse: () => {
        throw new Error("log disk full");
      },
    };
    const { resultsOf } = await setup([toolUse("bash", { command: "echo hi" }, "t1")], hooks);
    expect(resultsOf(1)[0]).toMatchObject({
      content: "hi\n[exit code 0]\n[a hook processing this result failed: log disk full]",
      is_error: false,
    });
  });

  it("tells every per-call phase which tool is called and its traits (readOnly, shellCommand)", async () => {
    const seen: string[] = [];
    const record = (phase: string, tool: unknown) => seen.push(`${phase}:${JSON.stringify(tool)}`);
    const runner = defineTool({
      name: "runner",
      description: "Runs a command (test).",
      input: z.object({ command: z.string() }),
      readOnly: true,
      shellCommand: true,
      run: async () => "ran",
    });
    const session = await startLoop(
      [reply(note("a", "t1"), toolUse("runner", { command: "true" }, "t2")), reply(text("ok"))],
      {
        tools: [createNoteTool([]), runner],
        hooks: {
          preToolUse: (_call, context) => void record("pre", context.tool),
          permission: (_call, context) => void record("permission", context.tool),
          postToolUse: (_call, result, context) => {
            record("post", context.tool);
            return result;
          },
        },
      },
    );
    await session.run();
    assertPairingInvariant(session.requests());
    const traits = '{"name":"runner","readOnly":true,"shellCommand":true}';
    expect(seen).toEqual([
      'pre:{"name":"note"}',
      'permission:{"name":"note"}',
      'post:{"name":"note"}',
      `pre:${traits}`,
      `permission:${traits}`,
      `post:${traits}`,
    ]);
  });
});
