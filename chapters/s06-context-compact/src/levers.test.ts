// End to end: lever 0 (long outputs saved to files), lever 1 (micro-compaction in rare batches) and the
// prompt-cache breakpoints, through the real s06 agent and the fake API.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import {
  assertPairingInvariant,
  type FakeReply,
  type RecordedRequest,
  reply,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import type { CompactOptions } from "./compact-options.ts";
import { PLACEHOLDER_PREFIX } from "./micro-compact.ts";
import { testAgentSetup } from "./test-agent.ts";

const startAgent = testAgentSetup(useCleanups());
const setup = (steps: FakeReply[], options: Partial<CompactOptions> = {}) =>
  startAgent({ script: steps, options });

function toolResults(request: RecordedRequest): Anthropic.ToolResultBlockParam[] {
  const blocks = request.body.messages.flatMap((message) =>
    Array.isArray(message.content) ? (message.content as Anthropic.ContentBlockParam[]) : [],
  );
  return blocks.filter((block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result");
}

const withoutCacheControl = (request: RecordedRequest): string =>
  JSON.stringify(request.body.messages).replace(/,"cache_control":\{"type":"ephemeral"\}/g, "");

/** True when `request` continues `previous` unchanged (same messages, then more). */
function extendsPrevious(previous: RecordedRequest, request: RecordedRequest): boolean {
  const before = JSON.parse(withoutCacheControl(previous)) as unknown[];
  const after = JSON.parse(withoutCacheControl(request)) as unknown[];
  return JSON.stringify(after.slice(0, before.length)) === JSON.stringify(before);
}

const print = (chars: number) => `node -e "process.stdout.write('x'.repeat(${chars}))"`;

describe("s06 levers 0 and 1, end to end", () => {
  it("gives subagents the per-call levers but never the parent's own tools (compact, todo_write, agent)", async () => {
    const session = await setup([
      reply(toolUse("agent", { description: "Run the build", prompt: "Run it.", agent_type: "general" })),
      reply(toolUse("bash", { command: print(120_000) }, "toolu_child_big")),
      reply(text("The build printed a lot.")),
      reply(text("Done.")),
    ]);
    await session.run("Delegate the build.");
    const childSecond = session.requests()[2]!;
    const [childResult] = toolResults(childSecond);
    expect(String(childResult!.content)).toContain(
      "The full output is saved at .lcc/tool-results/toolu_child_big.txt",
    );
    const saved = await readFile(
      join(session.workspace, ".lcc", "tool-results", "toolu_child_big.txt"),
      "utf8",
    );
    expect(saved).toHaveLength(120_000 + "\n[exit code 0]".length);
    for (const child of session.requests().slice(1, 3)) {
      expect(JSON.stringify(child.body)).toContain('"cache_control"');
      const names = (child.body.tools as Anthropic.Tool[]).map((tool) => tool.name);
      expect(names).toEqual(["bash", "read_file", "write_file", "edit_file", "load_skill"]);
    }
    const parentNames = (session.requests()[0]!.body.tools as Anthropic.Tool[]).map((tool) => tool.name);
    expect(parentNames).toEqual(expect.arrayContaining(["compact", "todo_write", "agent"]));
    assertPairingInvariant(session.requests());
  });

  it("pages read_file under the large-output threshold, so a page is never saved to a file", async () => {
    const line = `${"y".repeat(99)}\n`;
    const session = await startAgent({
      script: [reply(toolUse("read_file", { path: "big.txt" }, "toolu_read")), reply(text("Read."))],
      files: { "big.txt": line.repeat(1_000) },
    });
    await session.run("Read big.txt.");
    const [page] = toolResults(session.requests()[1]!);
    expect(String(page!.content).length).toBeLessThanOrEqual(30_000);
    expect(String(page!.content)).toMatch(/Call read_file with offset \d+ to continue/);
    expect(String(page!.content)).not.toContain("saved at");
    assertPairingInvariant(session.requests());
  });

  it("saves a long tool output whole to .lcc/tool-results/<id>.txt and shows the model a preview with the path", async () => {
    const session = await setup([
      reply(toolUse("bash", { command: print(120_000) }, "toolu_big")),
      reply(toolUse("bash", { command: print(29_000) }, "toolu_small")),
      reply(text("Done.")),
    ]);
    await session.run("Print a lot.");
    const saved = await readFile(join(session.workspace, ".lcc", "tool-results", "toolu_big.txt"), "utf8");
    expect(saved).toBe(`${"x".repeat(120_000)}\n[exit code 0]`);
    const [big, small] = toolResults(session.requests()[2]!);
    expect(String(big!.content).length).toBeLessThan(4_000);
    expect(String(big!.content)).toContain("120,014 characters");
    expect(String(big!.content)).toContain("The full output is saved at .lcc/tool-results/toolu_big.txt");
    expect(String(small!.content)).toBe(`${"x".repeat(29_000)}\n[exit code 0]`);
    // The bash description the model reads says what happens to long output in this chapter.
    const bash = (session.requests()[0]!.body.tools as Anthropic.Tool[]).find(
      (tool) => tool.name === "bash",
    )!;
    expect(bash.description).toContain(
      "Output over 30,000 characters is saved to a file; you get a preview and the path.",
    );
    expect(bash.description).not.toContain("keeps its head and tail");
    assertPairingInvariant(session.requests());
  });

  it("clears old tool results in batches, only when a batch frees enough, so the cached prefix changes rarely", async () => {
    const steps = Array.from({ length: 9 }, (_, index) =>
      reply(toolUse("bash", { command: print(6_000) }, `run_${index}`)),
    );
    const session = await setup([...steps, reply(text("Done."))], {
      autoCompactTokens: 1_000_000,
      microCompactTokens: 0,
      microCompactMinSavedTokens: 4_000,
    });
    await session.run("Run it nine times.");
    const requests = session.requests();
    const last = toolResults(requests.at(-1)!);
    const cleared = last.filter((block) => String(block.content).startsWith(PLACEHOLDER_PREFIX));
    expect(cleared.map((block) => block.tool_use_id)).toEqual([
      "run_0",
      "run_1",
      "run_2",
      "run_3",
      "run_4",
      "run_5",
    ]);
    expect(String(cleared[0]!.content)).toMatch(/^\[Old tool result cleared to save context: bash\(node -e/);
    expect(last.slice(-3).every((block) => String(block.content).startsWith("xxx"))).toBe(true);
    // Two batches of three: the prefix changed twice in ten requests; every other request extended the previous one.
    const breaks = requests.slice(1).filter((request, index) => !extendsPrevious(requests[index]!, request));
    expect(breaks).toHaveLength(2);
    expect(session.agent.setup.compaction.status().microCompactions).toBe(2);
    assertPairingInvariant(requests);
  });

  it("marks the end of the system prompt, the previous user message and the history for caching, without touching the stored history", async () => {
    const session = await setup([reply(toolUse("bash", { command: "echo hi" })), reply(text("Done."))]);
    await session.run("Say hi.");
    const [first, second] = session.requests();
    // The first request has one user message; the second marks the prompt too (the previous write).
    for (const [request, breakpoints] of [
      [first!, 2],
      [second!, 3],
    ] as const) {
      expect(JSON.stringify(request.body).match(/"cache_control"/g)).toHaveLength(breakpoints);
      const system = request.body.system as Anthropic.TextBlockParam[];
      expect(system.at(-1)!.cache_control).toEqual({ type: "ephemeral" });
    }
    expect(second!.usage!.cache_read_input_tokens).toBe(
      first!.usage!.cache_read_input_tokens +
        first!.usage!.cache_creation_input_tokens +
        first!.usage!.input_tokens,
    );
    expect(JSON.stringify(session.agent.state.messages)).not.toContain("cache_control");
  });
});
