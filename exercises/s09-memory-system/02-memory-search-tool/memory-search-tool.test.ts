// Your memory_search: the ranking (pure), then the tool in the real s09 agent over memory files in both
// places (the workspace's .lcc/memory and the home's), found by words only their contents hold.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { DEFAULT_MODEL } from "@lcc/chapter-kit";
import { createSessionAgent, extendSetup } from "@lcc/s02";
import { createMemorySetup, type MemoryRecord, renderMemoryFile, type StoredMemory } from "@lcc/s09";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { startAgentTest, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createMemorySearchTool, searchMemories } from "./memory-search-tool.ts";

const addCleanup = useCleanups();

const deploy: MemoryRecord = {
  name: "Deploy steps",
  description: "How the shop is shipped",
  type: "project",
  content: "Tag a release, then run the staging pipeline; production needs Dana's approval.",
};
const style: MemoryRecord = {
  name: "Review style",
  description: "How the user wants reviews",
  type: "feedback",
  content: "Short bullet points; staging screenshots for UI changes.",
};
const oncall: MemoryRecord = {
  name: "On-call",
  description: "Who answers pages",
  type: "reference",
  content: "The rota is in PagerDuty, team Shop.",
};

function stored(memory: MemoryRecord): StoredMemory {
  return { ...memory, file: "x.md", path: `/memories/${memory.name}.md` };
}

function lastResult(request: RecordedRequest | undefined): string {
  const content = request?.body.messages.at(-1)?.content;
  return Array.isArray(content) ? String((content[0] as Anthropic.ToolResultBlockParam).content) : "";
}

describe("searchMemories", () => {
  it("finds words in contents too, the memory matching more words first", () => {
    const memories = [style, oncall, deploy].map(stored);
    const found = searchMemories(memories, "Staging production");
    expect(found.map((memory) => memory.name)).toEqual(["Deploy steps", "Review style"]);
    expect(searchMemories(memories, "pagerduty").map((memory) => memory.name)).toEqual(["On-call"]);
    expect(searchMemories(memories, "kubernetes")).toEqual([]);
  });

  it("orders ties by name and lists at most five", () => {
    const many = ["F", "B", "E", "A", "D", "C"].map((name) => stored({ ...oncall, name }));
    expect(searchMemories(many, "rota").map((memory) => memory.name)).toEqual(["A", "B", "C", "D", "E"]);
  });
});

describe("memory_search in the s09 agent", () => {
  it("searches both places and names each file to read", async () => {
    const agent = await startAgentTest(addCleanup, {
      script: [
        reply(toolUse("memory_search", { query: "staging" })),
        reply(toolUse("memory_search", { query: "kubernetes" })),
        reply(text("Found them.")),
      ],
      files: {
        ".lcc/memory/deploy-steps.md": renderMemoryFile(deploy),
        ".lcc/memory/on-call.md": renderMemoryFile(oncall),
      },
      model: DEFAULT_MODEL,
      homePrefix: "lcc-exercise-home-",
      createAgent: async ({ home, ...context }) => {
        // A user memory in the test's home: s09 keeps feedback memories in <home>/.lcc/memory.
        await mkdir(join(home, ".lcc", "memory"), { recursive: true });
        await writeFile(join(home, ".lcc", "memory", "review-style.md"), renderMemoryFile(style));
        return createSessionAgent(async (setup) => {
          const base = await createMemorySetup(setup, { permissions: { mode: "acceptEdits" }, home });
          return extendSetup(base, { tools: [createMemorySearchTool(base.memory)] });
        }, context);
      },
    });
    await agent.run("What do we know about staging?");
    const requests = agent.requests();
    const found = lastResult(requests[1]);
    expect(found).toContain(
      "- Deploy steps (project): How the shop is shipped — .lcc/memory/deploy-steps.md",
    );
    expect(found).toMatch(/- Review style \(feedback\): How the user wants reviews — \S*review-style\.md/);
    expect(found).not.toContain("On-call");
    expect(lastResult(requests[2])).toBe('No memory matches "kubernetes".');
  });
});
