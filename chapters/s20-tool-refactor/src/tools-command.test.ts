// /tools in a real s20 session: the pipeline order, the dispatch rule, one row per tool with its source,
// listed or deferred, and traits; /tools <name> says why a tool is deferred.
import { reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { DEFERRED_BUILT_IN_TOOLS } from "./deferred-built-ins.ts";
import { describePipeline } from "./pipeline-phases.ts";
import { testRouterSetup } from "./test-agent.ts";

const start = testRouterSetup(useCleanups());

/** The row of `name` in the table, its cells split on the column gaps. */
function rowOf(output: string, name: string): string[] {
  const line = output.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  return (line ?? "").split(/ {2,}/);
}

describe("/tools", () => {
  it("prints the pipeline order and one row per tool: source, listed or deferred, traits", async () => {
    const session = await start({ script: [] });
    await session.run("/tools");
    const output = session.output();
    expect(output).toContain(
      "Every call: validate → PreToolUse hooks → permission → run → PostToolUse hooks → shape output\n",
    );
    expect(output).toContain(`Every call: ${describePipeline()}`);
    expect(output).toContain("run together (at most 10 at once); any other call runs alone, in order.");
    const tools = session.setup().tools;
    const deferred = Object.keys(DEFERRED_BUILT_IN_TOOLS).length;
    expect(output).toContain(
      `${tools.length} tools: ${tools.length - deferred} listed, ${deferred} deferred`,
    );
    expect(rowOf(output, "bash")).toEqual(["bash", "s01", "listed", "destructive"]);
    expect(rowOf(output, "read_file")).toEqual([
      "read_file",
      "s02",
      "listed",
      "read-only · concurrency-safe",
    ]);
    expect(rowOf(output, "agent")).toEqual(["agent", "agent (s04)", "listed", "parent-only"]);
    expect(rowOf(output, "task_create")).toEqual(["task_create", "s12", "listed", "—"]);
    expect(rowOf(output, "worktree_remove")).toEqual([
      "worktree_remove",
      "s18",
      "deferred",
      "destructive · parent-only",
    ]);
    for (const tool of tools) expect(rowOf(output, tool.name)[0], tool.name).toBe(tool.name);
    expect(output).toContain("Not in the table yet: tool_search, use_tool and the MCP servers' tools join");
  });

  it("lists tool_search and use_tool once the first request loaded them", async () => {
    const session = await start({ script: [reply(text("Hello."))] });
    await session.run("hi");
    await session.run("/tools");
    const output = session.output();
    expect(rowOf(output, "tool_search")).toEqual([
      "tool_search",
      "s19",
      "listed",
      "read-only · concurrency-safe",
    ]);
    expect(rowOf(output, "use_tool")).toEqual(["use_tool", "s19", "listed", "forwards to its target"]);
    expect(output).not.toContain("Not in the table yet");
  });

  it("shows one tool with the reason it is deferred, and refuses an unknown name", async () => {
    const session = await start({ script: [] });
    await session.run("/tools cron_create");
    await session.run("/tools fly");
    expect(session.output()).toContain(
      `cron_create · s14\nrequest: deferred (${DEFERRED_BUILT_IN_TOOLS.cron_create})\ntraits: parent-only\ndescription: Schedule a prompt`,
    );
    expect(session.output()).toContain('No tool named "fly". /tools lists them all.\n');
  });
});
