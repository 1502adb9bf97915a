// The demo model in `lcc -p` end to end: without a key the real process tours the harness on a temp workspace
// (overload retry, plan, read, edit under the permission check, hook, subagent, memory, tasks, background build,
// the bundled MCP server's tool) and says what happened; in the default mode its edit is refused and it says so.
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

describe("lcc -p with the demo model", () => {
  it("runs the built-in demo model without a key, says so on stderr, and edits only its scratch file", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace({ files: { "README.md": "# Demo target\n" }, git: true });
    addCleanup(workspace.cleanup);
    // acceptEdits: without a terminal the tour's edit would be refused (the default asks before edits).
    const run = await runLcc({
      args: ["-p", "show me", "--output-format", "json", "--permission-mode", "acceptEdits"],
      cwd: workspace.dir,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("DEMO MODE");
    expect(run.stderr).toContain("ANTHROPIC_API_KEY");
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ subtype: "success", total_cost_usd: 0 });
    expect(result.num_turns).toBeGreaterThanOrEqual(5);
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(`${workspace.dir}/.lcc/demo-scratch.md`, "utf8")).toContain("status: edited");
    expect(await readFile(`${workspace.dir}/README.md`, "utf8")).toBe("# Demo target\n");
    // s11: the first request met a simulated overload and was retried; s09: the tour saved a memory.
    expect(run.stderr).toContain("lcc: overloaded, retry 1/6 in 0.6 s");
    expect(await readFile(`${workspace.dir}/.lcc/memory/MEMORY.md`, "utf8")).toContain("lcc demo tour");
    expect(result.result).toContain('I saved the project memory "lcc demo tour"');
    // s12: two tasks, the first completed; s13: the background build waited for, as -p must ask to.
    const task = async (id: number) =>
      JSON.parse(await readFile(`${workspace.dir}/.lcc/tasks/${id}.json`, "utf8"));
    expect(await task(1)).toMatchObject({ subject: "Demo: read the scratch note", status: "completed" });
    expect(await task(2)).toMatchObject({ status: "pending", blockedBy: [1] });
    expect(result.result).toContain("The background build finished while I waited for it");
    expect(await readFile(`${workspace.dir}/.lcc/runtime/b1.log`, "utf8")).toBe("demo build finished\n");
    expect(await readFile(`${workspace.dir}/.git/info/exclude`, "utf8")).toMatch(/^\.lcc\/$/m);
    // The demo's own PostToolUse hook ran on the edit: its context reached the model (and the session log).
    const { readdirSync } = await import("node:fs");
    const sessions = `${workspace.dir}/.lcc/sessions`;
    const log = readdirSync(sessions).find((name) => name.endsWith(".jsonl"));
    const logText = await readFile(`${sessions}/${log}`, "utf8");
    expect(logText).toContain("demo hook: a PostToolUse hook saw this edit");
    // s04: an explore subagent listed the top level with glob in its own context; only its report came back.
    expect(logText).toMatch(/Survey: \d+ files? at the top level \([^)]*README\.md/);
    expect(result.result).toContain("An explore subagent surveyed the workspace");
    // s19: the tour called word_count of lcc's bundled MCP server on the prompt ("show me"), allowed by the demo's rule.
    expect(result.result).toContain(
      "The MCP server lcc-demo counted your prompt: 2 words, 1 line, 7 characters",
    );
    expect(logText).toContain('"name":"mcp__lcc-demo__word_count"');
  });

  it("in the default mode the demo's edit is refused and its summary says so", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace({ files: { "README.md": "# Demo target\n" } });
    addCleanup(workspace.cleanup);
    const run = await runLcc({ args: ["-p", "show me", "--output-format", "json"], cwd: workspace.dir });
    const result = JSON.parse(run.stdout) as { result: string; permission_denials: unknown[] };
    expect(result.result).toContain("was refused by the permission check");
    expect(result.result).toContain("--permission-mode acceptEdits");
    expect(result.permission_denials.length).toBeGreaterThan(0);
  });
});
