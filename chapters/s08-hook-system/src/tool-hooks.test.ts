// PreToolUse and PostToolUse hooks end to end: real hook scripts in child processes, the real agent
// against the fake API; every request keeps the pairing invariant.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { hookEntry, testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

/** A model that writes notes.txt, then says done. */
function writeThenStop(path = "notes.txt") {
  return [reply(toolUse("write_file", { path, content: "hello\n" })), reply(text("done"))];
}

/** The last user message of request `index`, as blocks. */
function lastUserBlocks(requests: ReturnType<Awaited<ReturnType<typeof start>>["requests"]>, index: number) {
  const messages = requests[index]?.body.messages ?? [];
  const last = messages.at(-1);
  if (!last || typeof last.content === "string") return [];
  return last.content as Array<{ type: string; text?: string; content?: unknown; is_error?: boolean }>;
}

describe("PreToolUse hooks", () => {
  it("exit 2 denies the call with the hook's stderr and the tool does not run", async () => {
    const session = await start({
      script: writeThenStop(),
      hooks: { PreToolUse: [hookEntry("cat >/dev/null; echo 'no writes today' >&2; exit 2", "Write")] },
    });
    await session.run("write the note");
    expect(existsSync(join(session.workspace, "notes.txt"))).toBe(false);
    const result = lastUserBlocks(session.requests(), 1)[0];
    expect(result).toMatchObject({ type: "tool_result", is_error: true });
    expect(String(result?.content)).toContain("no writes today");
  });

  it("exit 0 with permissionDecision deny denies with its reason", async () => {
    const deny = `cat >/dev/null; echo '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"use the docs folder"}}'`;
    const session = await start({
      script: writeThenStop(),
      hooks: { PreToolUse: [hookEntry(deny, "Edit|Write")] },
    });
    await session.run("write the note");
    expect(existsSync(join(session.workspace, "notes.txt"))).toBe(false);
    expect(String(lastUserBlocks(session.requests(), 1)[0]?.content)).toContain("use the docs folder");
  });

  it("permissionDecision ask goes to the user, and without a terminal the call is refused", async () => {
    const ask = `cat >/dev/null; echo '{"hookSpecificOutput":{"permissionDecision":"ask"}}'`;
    const session = await start({
      script: writeThenStop(),
      hooks: { PreToolUse: [hookEntry(ask, "write_file")] },
    });
    await session.run("write the note");
    expect(existsSync(join(session.workspace, "notes.txt"))).toBe(false);
    expect(String(lastUserBlocks(session.requests(), 1)[0]?.content)).toContain("needs the user's approval");
  });

  it("receives Claude Code's tool name and file_path on stdin, and CLAUDE_PROJECT_DIR", async () => {
    const session = await start({
      script: writeThenStop(),
      hooks: { PreToolUse: [hookEntry('cat > "$CLAUDE_PROJECT_DIR/pre.json"', "*")] },
    });
    await session.run("write the note");
    const input = JSON.parse(readFileSync(join(session.workspace, "pre.json"), "utf8"));
    expect(input).toMatchObject({
      hook_event_name: "PreToolUse",
      tool_name: "Write",
      tool_input: { path: "notes.txt", file_path: "notes.txt", content: "hello\n" },
      cwd: session.workspace,
    });
    expect(typeof input.session_id).toBe("string");
    expect(readFileSync(join(session.workspace, "notes.txt"), "utf8")).toBe("hello\n");
  });

  it("updatedInput changes what really runs (a Claude Code script edits file_path)", async () => {
    const rewrite = `cat >/dev/null; echo '{"hookSpecificOutput":{"permissionDecision":"allow","updatedInput":{"file_path":"docs/notes.txt","content":"rewritten\\n"}}}'`;
    const session = await start({
      script: writeThenStop(),
      hooks: { PreToolUse: [hookEntry(rewrite, "Write")] },
    });
    await session.run("write the note");
    expect(existsSync(join(session.workspace, "notes.txt"))).toBe(false);
    expect(readFileSync(join(session.workspace, "docs/notes.txt"), "utf8")).toBe("rewritten\n");
  });

  it("an allow does not beat a deny rule of s07", async () => {
    const allow = `cat >/dev/null; echo '{"hookSpecificOutput":{"permissionDecision":"allow"}}'`;
    const session = await start({
      script: writeThenStop(),
      hooks: { PreToolUse: [hookEntry(allow, "Write")] },
      permissions: { deny: ["Edit(notes.txt)"] },
    });
    await session.run("write the note");
    expect(existsSync(join(session.workspace, "notes.txt"))).toBe(false);
    expect(lastUserBlocks(session.requests(), 1)[0]).toMatchObject({ type: "tool_result", is_error: true });
    const decisions = session.events.filter((event) => event.type === "tool_decision");
    expect(decisions.map((event) => [event.phase, event.decision])).toEqual([
      ["pre_tool_use", "allow"],
      ["permission", "deny"],
    ]);
  });

  it("an allow skips the question a rule would ask (ask in headless mode would refuse)", async () => {
    const allow = `cat >/dev/null; echo '{"hookSpecificOutput":{"permissionDecision":"allow"}}'`;
    const session = await start({
      script: writeThenStop(),
      hooks: { PreToolUse: [hookEntry(allow, "Write")] },
      options: { permissions: { mode: "default" } },
    });
    await session.run("write the note");
    expect(readFileSync(join(session.workspace, "notes.txt"), "utf8")).toBe("hello\n");
  });

  it("a hook that crashes, prints garbage or hangs never blocks the call nor loses its result", async () => {
    const session = await start({
      script: writeThenStop(),
      hooks: {
        PreToolUse: [
          hookEntry("cat >/dev/null; echo oops >&2; exit 1", "Write"),
          hookEntry("cat >/dev/null; echo '{not json'", "Write"),
          hookEntry("sleep 30", "Write", 1),
          hookEntry("definitely-not-a-command-xyz", "Write"),
        ],
      },
    });
    const started = Date.now();
    await session.run("write the note");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readFileSync(join(session.workspace, "notes.txt"), "utf8")).toBe("hello\n");
    const result = lastUserBlocks(session.requests(), 1)[0];
    expect(result).toMatchObject({ type: "tool_result", is_error: false });
    const failures = session.events.filter((event) => event.type === "hook_end" && event.result === "error");
    const messages = failures.map((event) => String(event.message)).sort();
    expect(messages).toEqual([
      expect.stringContaining("exit code 127"),
      "exit code 1: oops",
      "timed out after 1 s and was killed",
    ]);
    expect(session.output()).toContain("⚠ hook PreToolUse (write_file) failed (not blocking)");
  });
});

describe("hooks in subagents", () => {
  it("a subagent's tool calls meet the same PreToolUse hooks, and its PostToolUse context joins its result", async () => {
    const context = `cat >/dev/null; echo '{"hookSpecificOutput":{"additionalContext":"child wrote a file"}}'`;
    const session = await start({
      script: [
        reply(toolUse("agent", { description: "notes", prompt: "write two notes", agent_type: "general" })),
        reply(toolUse("write_file", { path: "blocked.txt", content: "x" })),
        reply(toolUse("write_file", { path: "ok.txt", content: "y" })),
        reply(text("child done")),
        reply(text("parent done")),
      ],
      hooks: {
        PreToolUse: [hookEntry("grep -q blocked && { echo 'not that file' >&2; exit 2; }; exit 0", "Write")],
        PostToolUse: [hookEntry(context, "Write")],
      },
    });
    await session.run("delegate");
    expect(existsSync(join(session.workspace, "blocked.txt"))).toBe(false);
    expect(existsSync(join(session.workspace, "ok.txt"))).toBe(true);
    const requests = session.requests();
    expect(String(lastUserBlocks(requests, 2)[0]?.content)).toContain("not that file");
    const childResult = lastUserBlocks(requests, 3)[0];
    expect(childResult).toMatchObject({ type: "tool_result", is_error: false });
    expect(String(childResult?.content)).toContain(
      "<system-reminder>\nPostToolUse hook additional context: child wrote a file",
    );
    expect(lastUserBlocks(requests, 3)).toHaveLength(1);
  });
});

describe("PostToolUse hooks", () => {
  it("additionalContext reaches the next request as a system-reminder after the tool results", async () => {
    const context = `cat >/dev/null; echo '{"hookSpecificOutput":{"hookEventName":"PostToolUse","additionalContext":"run the linter next"}}'`;
    const session = await start({
      script: writeThenStop(),
      hooks: { PostToolUse: [hookEntry(context, "Write")] },
    });
    await session.run("write the note");
    const blocks = lastUserBlocks(session.requests(), 1);
    expect(blocks[0]).toMatchObject({ type: "tool_result", is_error: false });
    expect(blocks[1]?.type).toBe("text");
    expect(blocks[1]?.text).toMatch(
      /^<system-reminder>\nPostToolUse hook additional context: run the linter next/,
    );
  });

  it("exit 2 sends its stderr to the model and keeps the tool's result", async () => {
    const session = await start({
      script: writeThenStop(),
      hooks: {
        PostToolUse: [hookEntry("cat >/dev/null; echo 'trailing newline missing' >&2; exit 2", "Write")],
      },
    });
    await session.run("write the note");
    const blocks = lastUserBlocks(session.requests(), 1);
    expect(String(blocks[0]?.content)).toContain("notes.txt");
    expect(blocks[1]?.text).toContain("trailing newline missing");
  });

  it("gets the tool's response on stdin", async () => {
    const session = await start({
      script: writeThenStop(),
      hooks: { PostToolUse: [hookEntry('cat > "$CLAUDE_PROJECT_DIR/post.json"', "Write")] },
    });
    await session.run("write the note");
    const input = JSON.parse(readFileSync(join(session.workspace, "post.json"), "utf8"));
    expect(input).toMatchObject({ hook_event_name: "PostToolUse", tool_name: "Write" });
    expect(input.tool_response.is_error).toBe(false);
    expect(input.tool_response.output).toContain("notes.txt");
  });
});
