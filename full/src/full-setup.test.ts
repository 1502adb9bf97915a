// The one function that decides what lcc is: every chapter's tools, commands and renderers, plus
// full's own tools, the product's commands and hooks, and the compaction settings from the environment.
import { createSetupContext, type SlashCommand } from "@lcc/s02";
import { DEFERRED_BUILT_IN_TOOLS } from "@lcc/s20";
import { createTempWorkspace, reply, text } from "@lcc/testkit";
import { describe, expect, it } from "vitest";
import { createFullSetup, INTEGRATED_CHAPTER, type ProductParts } from "./full-setup.ts";
import { createTestSession } from "./test-harness.ts";

async function setupWith(env: NodeJS.ProcessEnv, product: ProductParts = {}) {
  const workspace = await createTempWorkspace();
  // The user's own ~/.claude and ~/.lcc stay out of it.
  env.HOME ??= workspace.dir;
  const setup = await createFullSetup(createSetupContext(workspace.dir, { env }), product);
  await workspace.cleanup();
  return setup;
}

const command = (name: string): SlashCommand => ({ name, usage: `/${name}`, summary: name, run() {} });

describe("createFullSetup", () => {
  it("has the tools of every integrated chapter and full's glob and grep", async () => {
    const setup = await setupWith({});
    expect(setup.tools.map((tool) => tool.name)).toEqual([
      "bash",
      "read_file",
      "write_file",
      "edit_file",
      "todo_write",
      "agent",
      "load_skill",
      "compact",
      "memory_save",
      "memory_forget",
      "task_create",
      "task_update",
      "task_list",
      "task_get",
      "background_run",
      "background_check",
      "background_kill",
      "cron_create",
      "cron_list",
      "cron_delete",
      "spawn_teammate",
      "list_teammates",
      "send_message",
      "read_inbox",
      "broadcast",
      "shutdown_request",
      "plan_review",
      "list_requests",
      "worktree_create",
      "worktree_list",
      "worktree_status",
      "worktree_run",
      "worktree_keep",
      "worktree_remove",
      "worktree_events",
      "glob",
      "grep",
    ]);
  });

  it("is s20's setup: MCP servers from --mcp-config, the router's table with glob and grep traced to full", async () => {
    const inline = JSON.stringify({ mcpServers: { probe: { command: "no-such-mcp-command-lcc" } } });
    const setup = await setupWith({}, { mcpConfig: [inline], strictMcpConfig: true });
    expect(INTEGRATED_CHAPTER).toBe("s20");
    expect(setup.mcp.servers().map((server) => [server.name, server.scope])).toEqual([["probe", "flag"]]);
    const table = setup.router.table(setup.tools);
    expect(table.find((entry) => entry.name === "grep")?.source).toEqual({
      kind: "built-in",
      chapter: "full",
    });
    // The rarely used built-ins are registered but left out of the request (s20).
    expect(table.filter((entry) => !entry.listed).map((entry) => entry.name)).toEqual(
      Object.keys(DEFERRED_BUILT_IN_TOOLS),
    );
    await setup.mcp.close();
  });

  it("offers the chapters' commands, then the product's; renderers come from the chapters", async () => {
    const setup = await setupWith({}, { commands: [command("cost"), command("model")] });
    expect(setup.commands.map((entry) => entry.name)).toEqual([
      "skills",
      "compact",
      "permissions",
      "mode",
      "hooks",
      "memory",
      "prompt",
      "tasks",
      "bg",
      "cron",
      "team",
      "inbox",
      "requests",
      "worktrees",
      "mcp",
      "tools",
      "cost",
      "model",
    ]);
    // s03 plans, s04 subagents, s06 compactions.
    expect(setup.renderers.length).toBeGreaterThanOrEqual(3);
  });

  it("puts the product's section with the tool guidance, inside the cached prefix, the environment last", async () => {
    const setup = await setupWith({});
    const names = setup.systemSections.map((section) => section.name);
    expect(names[0]).toBe("identity");
    expect(names.indexOf("product")).toBeLessThan(names.indexOf("skills"));
    expect(names.at(-1)).toBe("environment");
    const marked = setup.systemSections.filter((section) => section.cacheBreakpoint);
    expect(marked).toHaveLength(1);
    expect(names.indexOf(marked[0]?.name ?? "")).toBe(names.length - 2);
  });

  it("runs the product's hooks before the chapters' (the session log sees a round before compaction does)", async () => {
    const product = { transformContext: (messages: never[]) => messages };
    const setup = await setupWith({}, { hooks: [product] });
    expect(setup.hooks[0]).toBe(product);
    expect(setup.hooks.length).toBeGreaterThan(1);
  });

  it("takes the compaction threshold from LCC_CONTEXT_WINDOW and LCC_AUTOCOMPACT_PERCENT", async () => {
    const setup = await setupWith({ LCC_CONTEXT_WINDOW: "100000", LCC_AUTOCOMPACT_PERCENT: "50" });
    expect(setup.systemSections.map((section) => section.text).join("\n")).toContain(
      "compacted automatically near 50,000 tokens",
    );
    expect(setup.contextWindow).toEqual({ tokens: 100_000, autoCompactTokens: 50_000 });
  });

  it("keeps lcc's first request within CURRICULUM §8's 25 KB: s20 leaves its rarely used built-ins out", async () => {
    const test = await createTestSession([reply(text("hello"))]);
    await test.session.runTurn("hi", new AbortController().signal);
    const [first] = test.fake.messageRequests();
    await test.cleanup();
    const names = (first?.body.tools ?? []).map((tool) => ("name" in tool ? tool.name : ""));
    expect(names).toEqual(expect.arrayContaining(["glob", "grep", "tool_search", "use_tool"]));
    expect(names).not.toContain("spawn_teammate");
    expect(Buffer.byteLength(JSON.stringify(first?.body))).toBeLessThanOrEqual(25 * 1024);
  });
});
