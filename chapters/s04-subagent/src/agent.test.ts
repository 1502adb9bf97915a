// End to end: the s04 agent against the fake API — isolation, no recursion, tool restriction, the demo.
import type Anthropic from "@anthropic-ai/sdk";
import { runScenario } from "@lcc/chapter-kit";
import { type AgentHooks, defineTool } from "@lcc/s02";
import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { s04Chapter } from "./agent.ts";
import { s04Scenario } from "./scenario.ts";
import { delegate, isChild, lastBlocks, testAgentSetup, toolNamesOf } from "./test-agent.ts";

const addCleanup = useCleanups();

/** A tool that answers its own name; `parentOnly` keeps it from children. */
const namedTool = (name: string, parentOnly: boolean) =>
  defineTool({ name, description: `The ${name}.`, input: z.object({}), parentOnly, run: async () => name });
const setup = testAgentSetup(addCleanup);

describe("s04 subagent isolation", () => {
  it("keeps the child's messages out of the parent's history; only the answer and a usage line return", async () => {
    const { agent, run, requests } = await setup([
      delegate({ agent_type: "explore" }),
      reply(text("Reading it."), toolUse("read_file", { path: "notes.txt" }, "child_read")),
      reply(text("The note says: remember the milk.")),
      reply(text("Your note is about milk.")),
    ]);
    await run();
    const parent = requests().filter((request) => !isChild(request));
    const child = requests().filter(isChild);
    expect(parent).toHaveLength(2);
    expect(child).toHaveLength(2);
    expect(child[0]!.body.messages).toEqual([{ role: "user", content: "Read notes.txt and report." }]);
    for (const request of parent) {
      const history = JSON.stringify(request.body.messages);
      expect(history).not.toContain("child_read");
      expect(history).not.toContain("Reading it.");
      expect(history).not.toContain("remember the milk\\n");
    }
    const [result] = lastBlocks(parent[1]!);
    expect(result).toMatchObject({ type: "tool_result", tool_use_id: "parent_call", is_error: false });
    const reported = child.reduce(
      (sum, request) =>
        sum +
        request.usage!.input_tokens +
        request.usage!.cache_read_input_tokens +
        request.usage!.cache_creation_input_tokens,
      0,
    );
    const output = child.reduce((sum, request) => sum + request.usage!.output_tokens, 0);
    expect((result as Anthropic.ToolResultBlockParam).content).toBe(
      `The note says: remember the milk.\n\n[explore subagent: 2 rounds, 1 tool call, ${reported.toLocaleString("en-US")} input tokens, ${output} output tokens]`,
    );
    expect(agent.state.messages.map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
    assertPairingInvariant(requests());
  });

  it("never gives the child the agent tool: a scripted child call to agent is an unknown-tool error", async () => {
    const { run, requests } = await setup([
      delegate({ agent_type: "general" }),
      reply(toolUse("agent", { description: "Recurse", prompt: "again" }, "child_agent")),
      reply(text("I cannot start subagents.")),
      reply(text("ok")),
    ]);
    await run();
    const child = requests().filter(isChild);
    expect(toolNamesOf(child[0]!)).toEqual(["bash", "read_file", "write_file", "edit_file"]);
    const [result] = lastBlocks(child[1]!);
    expect(result).toMatchObject({ type: "tool_result", tool_use_id: "child_agent", is_error: true });
    expect((result as Anthropic.ToolResultBlockParam).content).toBe(
      'Unknown tool "agent". Available tools: bash, read_file, write_file, edit_file.',
    );
    assertPairingInvariant(requests());
  });

  it("gives explore only the read-only tools", async () => {
    const { run, requests } = await setup([
      delegate({ agent_type: "explore" }),
      reply(text("done")),
      reply(text("ok")),
    ]);
    await run();
    expect(toolNamesOf(requests().find(isChild)!)).toEqual(["read_file"]);
  });

  it("restricts a custom type to the tools its file lists, with its own prompt and model", async () => {
    const definition = [
      "---",
      "name: notes-reader",
      "description: |",
      "  Reads notes.",
      "  Never writes.",
      "tools:",
      "  - Read",
      "model: claude-custom-1",
      "---",
      "You read notes and quote them exactly.",
    ].join("\n");
    const { run, requests } = await setup(
      [delegate({ agent_type: "notes-reader" }), reply(text("quoted")), reply(text("ok"))],
      { files: { ".claude/agents/notes-reader.md": definition } },
    );
    await run();
    const parentTool = (requests()[0]!.body.tools as Anthropic.Tool[]).find((tool) => tool.name === "agent")!;
    expect(parentTool.description).toContain("- notes-reader: Reads notes. Never writes. [tools: read_file]");
    const child = requests().find(isChild)!;
    expect(toolNamesOf(child)).toEqual(["read_file"]);
    expect(child.body.model).toBe("claude-custom-1");
    expect(String(child.body.system).startsWith("You read notes and quote them exactly.")).toBe(true);
    assertPairingInvariant(requests());
  });

  it("refuses an unknown agent_type with the available types and starts no child", async () => {
    const { run, requests } = await setup([delegate({ agent_type: "wizard" }), reply(text("ok"))], {
      files: { ".claude/agents/reviewer.md": "---\nname: reviewer\ndescription: Reviews.\n---\nReview." },
    });
    await run();
    expect(requests().some(isChild)).toBe(false);
    expect(lastBlocks(requests()[1]!)[0]).toMatchObject({
      is_error: true,
      content: 'Unknown agent_type "wizard". Available types: explore, general, reviewer.',
    });
  });

  it("lists every available type in the tool description", async () => {
    const { run, requests } = await setup([reply(text("ok"))]);
    await run();
    const tool = (requests()[0]!.body.tools as Anthropic.Tool[]).find(
      (candidate) => candidate.name === "agent",
    )!;
    expect(tool.description).toContain("- explore: Read-only investigation");
    expect(tool.description).toContain(
      "- general: A general-purpose worker for a self-contained multi-step task. [tools: every tool except the parent's own (agent, todo_write and the like)]",
    );
    expect(JSON.stringify(tool.input_schema)).toContain("One of: explore, general (default general).");
  });

  it("never gives a child a parentOnly tool, not even to a type that names one", async () => {
    const { run, requests, events } = await setup(
      [
        delegate({ agent_type: "general" }, "call_general"),
        reply(text("general done")),
        delegate({ agent_type: "planner" }, "call_planner"),
        reply(text("planner done")),
        reply(text("ok")),
      ],
      {
        tools: [namedTool("parent_tool", true), namedTool("shared_tool", false)],
        files: {
          ".claude/agents/planner.md":
            "---\nname: planner\ndescription: Plans.\ntools: Read, TodoWrite\n---\nPlan.",
        },
      },
    );
    await run();
    const [general, planner] = requests().filter(isChild);
    expect(toolNamesOf(general!)).toEqual(["bash", "read_file", "write_file", "edit_file", "shared_tool"]);
    expect(toolNamesOf(planner!)).toEqual(["read_file"]);
    expect(events).toContainEqual({
      type: "notice",
      source: "agent",
      level: "warn",
      text: "planner: tools not available to this subagent: todo_write",
    });
    assertPairingInvariant(requests());
  });

  it("runs a child with the setup's childHooks and never with the parent's own hooks", async () => {
    let parentTransforms = 0;
    const parentHooks: AgentHooks = {
      transformContext: (messages) => {
        parentTransforms += 1;
        return messages;
      },
    };
    const childHooks: AgentHooks = {
      preToolUse: (call) =>
        call.name === "read_file" ? { kind: "deny", reason: "Children may not read." } : undefined,
    };
    const { run, requests } = await setup(
      [
        reply(toolUse("read_file", { path: "notes.txt" }, "parent_read")),
        delegate({ agent_type: "general" }),
        reply(toolUse("read_file", { path: "notes.txt" }, "child_read")),
        reply(text("I was not allowed to read.")),
        reply(text("ok")),
      ],
      { hooks: [parentHooks], childHooks: [childHooks] },
    );
    await run();
    const parent = requests().filter((request) => !isChild(request));
    const child = requests().filter(isChild);
    expect(lastBlocks(parent[1]!)[0]).toMatchObject({ tool_use_id: "parent_read", is_error: false });
    expect(lastBlocks(child[1]!)[0]).toMatchObject({
      tool_use_id: "child_read",
      is_error: true,
      content: "Children may not read.",
    });
    expect(parentTransforms).toBe(parent.length);
    assertPairingInvariant(requests());
  });

  it("runs the demo scenario: explore summary, custom reviewer with its two tools, pairing on every request", async () => {
    const output = captureOutput();
    const run = await runScenario(s04Chapter, s04Scenario, output);
    addCleanup(run.cleanup);
    assertPairingInvariant(run.requests);
    const child = run.requests.filter((request) => request.path === "/v1/messages" && isChild(request));
    expect(child.map(toolNamesOf)).toEqual([
      ...Array(3).fill(["read_file"]),
      ...Array(2).fill(["bash", "read_file"]),
    ]);
    expect(output.text()).toContain("  ├ explore subagent");
    expect(output.text()).toContain("  │ ⏺ read_file(src/slug.js)");
    expect(output.text()).toMatch(
      / {2}└ reviewer done · 2 rounds · 2 tool calls · [\d,]+ tokens · transcript \.lcc\/transcripts\//,
    );
  });
});
