// PreCompact and SessionEnd hooks: PreCompact runs beside a compaction (it cannot veto it), SessionEnd
// when the chapter ends its sessions.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { hookEntry, testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

async function waitFor(condition: () => boolean, ms = 5_000) {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("session hooks", () => {
  it("PreCompact hooks run on /compact with trigger manual; even exit 2 does not stop the compaction", async () => {
    const session = await start({
      script: [reply(text("hello")), reply(text("1. Goal — greet."))],
      hooks: {
        PreCompact: [hookEntry('cat > "$CLAUDE_PROJECT_DIR/precompact.json"; exit 2', "manual")],
      },
    });
    await session.run("hi");
    await session.run("/compact");
    const path = join(session.workspace, "precompact.json");
    await waitFor(() => existsSync(path) && readFileSync(path, "utf8").length > 0);
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({
      hook_event_name: "PreCompact",
      trigger: "manual",
    });
    expect(session.events.some((event) => event.type === "compaction_end" && event.ok)).toBe(true);
  });

  it("SessionEnd hooks run when the session ends, with the reason", async () => {
    const session = await start({
      script: [reply(text("hello"))],
      hooks: { SessionEnd: [hookEntry('cat > "$CLAUDE_PROJECT_DIR/end.json"')] },
    });
    await session.run("hi");
    await session.agent.setup.endSession("prompt_input_exit");
    const input = JSON.parse(readFileSync(join(session.workspace, "end.json"), "utf8"));
    expect(input).toMatchObject({ hook_event_name: "SessionEnd", reason: "prompt_input_exit" });
  });

  it("/clear ends the conversation with SessionEnd reason clear, and the next one starts with source clear", async () => {
    const session = await start({
      script: [reply(text("hello")), reply(text("again"))],
      hooks: {
        SessionEnd: [hookEntry('cat > "$CLAUDE_PROJECT_DIR/end.json"')],
        SessionStart: [
          hookEntry('cat >> "$CLAUDE_PROJECT_DIR/start.jsonl"; echo >> "$CLAUDE_PROJECT_DIR/start.jsonl"'),
        ],
      },
    });
    await session.run("hi");
    await session.run("/clear");
    expect(JSON.parse(readFileSync(join(session.workspace, "end.json"), "utf8"))).toMatchObject({
      hook_event_name: "SessionEnd",
      reason: "clear",
    });
    await session.run("hi again");
    const starts = readFileSync(join(session.workspace, "start.jsonl"), "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { source: string });
    expect(starts.map((start) => start.source)).toEqual(["startup", "clear"]);
  });
});
