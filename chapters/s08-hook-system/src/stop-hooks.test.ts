// Stop and SubagentStop hooks end to end: a block sends the model back to work with the reason, at most
// three times in a row; continue:false ends the run.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { MAX_STOP_BLOCKS } from "./stop-hooks.ts";
import { hookEntry, testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

/** A hook that blocks the first time only (a marker file remembers) and logs every stdin. */
const BLOCK_ONCE = `cat >> "$CLAUDE_PROJECT_DIR/stop.log"; echo >> "$CLAUDE_PROJECT_DIR/stop.log"
if [ ! -e "$CLAUDE_PROJECT_DIR/blocked-once" ]; then touch "$CLAUDE_PROJECT_DIR/blocked-once"; echo "tests are not run yet" >&2; exit 2; fi`;

function logged(workspace: string): Array<Record<string, unknown>> {
  return readFileSync(join(workspace, "stop.log"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("Stop hooks", () => {
  it("a block keeps the agent working with the hook's reason", async () => {
    const session = await start({
      script: [reply(text("done")), reply(text("ran the tests, done"))],
      hooks: { Stop: [hookEntry(BLOCK_ONCE)] },
    });
    await session.run("fix it");
    const requests = session.requests();
    expect(requests).toHaveLength(2);
    expect(JSON.stringify(requests[1]?.body.messages.at(-1))).toContain("tests are not run yet");
    expect(logged(session.workspace).map((input) => input.stop_hook_active)).toEqual([false, true]);
    expect(
      session.events.filter((event) => event.type === "loop_continue").map((event) => event.reason),
    ).toEqual(["stop_hook"]);
  });

  it(`a hook that always blocks keeps the agent working at most ${MAX_STOP_BLOCKS} times in a row`, async () => {
    const session = await start({
      script: () => reply(text("done")),
      hooks: { Stop: [hookEntry("cat >/dev/null; echo 'keep going' >&2; exit 2")] },
    });
    await session.run("fix it");
    expect(session.requests()).toHaveLength(1 + MAX_STOP_BLOCKS);
    expect(session.output()).toContain(`blocked stopping ${MAX_STOP_BLOCKS} times in a row`);
    await session.run("again");
    expect(session.requests()).toHaveLength(2 * (1 + MAX_STOP_BLOCKS));
  });

  it("read the conversation so far from transcript_path (Claude Code's JSONL shape)", async () => {
    const copy = `path=$(sed -n 's/.*"transcript_path":"\\([^"]*\\)".*/\\1/p'); cp "$path" "$CLAUDE_PROJECT_DIR/copy.jsonl"`;
    const session = await start({ script: [reply(text("done"))], hooks: { Stop: [hookEntry(copy)] } });
    await session.run("fix it");
    const lines = readFileSync(join(session.workspace, "copy.jsonl"), "utf8").trim().split("\n");
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { type: "user", message: { role: "user", content: [{ type: "text", text: "fix it" }] } },
      { type: "assistant", message: { role: "assistant", content: [{ type: "text", text: "done" }] } },
    ]);
  });

  it("continue:false from a PostToolUse hook ends the run after the round, with its stopReason", async () => {
    const stop = `cat >/dev/null; echo '{"continue":false,"stopReason":"build is red, stopping"}'`;
    const session = await start({
      script: [reply(toolUse("bash", { command: "echo hi" })), reply(text("never asked"))],
      hooks: { PostToolUse: [hookEntry(stop, "Bash")] },
    });
    await session.run("go");
    expect(session.requests()).toHaveLength(1);
    expect(session.output()).toContain("Stopped: build is red, stopping");
    expect(session.agent.state.messages.at(-1)?.role).toBe("user");
  });
});

describe("SubagentStop hooks", () => {
  it("run when a subagent would stop, and a block keeps the subagent (not the parent) working", async () => {
    const session = await start({
      script: [
        reply(toolUse("agent", { description: "check", prompt: "check the code", agent_type: "general" })),
        reply(text("child: looks fine")),
        reply(text("child: checked twice, fine")),
        reply(text("parent: all good")),
      ],
      hooks: { SubagentStop: [hookEntry(BLOCK_ONCE)] },
    });
    await session.run("review");
    const requests = session.requests();
    expect(requests).toHaveLength(4);
    expect(JSON.stringify(requests[2]?.body.messages)).toContain("tests are not run yet");
    expect(JSON.stringify(requests[3]?.body.messages)).toContain("checked twice");
    expect(logged(session.workspace).map((input) => input.hook_event_name)).toEqual([
      "SubagentStop",
      "SubagentStop",
    ]);
  });
});
