// The session shared by the REPL and headless mode: what reaches its listeners, and that neither a
// state folder that cannot be written nor a new conversation can break a turn or leak the old one.
import { readFileSync } from "node:fs";
import type { AgentEvent } from "@lcc/s02";
import { isSummaryRequest } from "@lcc/s06";
import { assertPairingInvariant, reply, type Script, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createTestSession } from "./test-harness.ts";

const addCleanup = useCleanups();

async function setup(script: Script, files: Record<string, string> = {}) {
  const test = await createTestSession(script, { files });
  addCleanup(test.cleanup);
  const events: AgentEvent[] = [];
  const notices = () =>
    events.flatMap((event) => (event.type === "notice" ? [`${event.level ?? "info"}: ${event.text}`] : []));
  return { ...test, events, notices };
}

const run = (session: { runTurn(prompt: string, signal: AbortSignal): Promise<{ reason: string }> }) =>
  session.runTurn("go", new AbortController().signal);

describe("the agent session", () => {
  it("delivers the notices its setup raised (a skipped SKILL.md, the skills found) to the first listener", async () => {
    const { session, events, notices } = await setup([reply(text("ok"))], {
      "skills/greet/SKILL.md": "---\nname: greet\ndescription: Greets people.\n---\nSay hello.\n",
      "skills/broken/SKILL.md": "no frontmatter here\n",
    });
    session.onEvent((event) => events.push(event));
    expect(notices()).toEqual([
      expect.stringMatching(/^warn: Skipped .*skills\/broken\/SKILL\.md: /),
      "info: Skills available: greet",
    ]);
    const second: AgentEvent[] = [];
    session.onEvent((event) => second.push(event));
    expect(second).toEqual([]);
    // /clear builds a new setup; it finds the same files, and says nothing it already said.
    session.clear();
    expect(notices()).toHaveLength(2);
  });

  it("logs a round's tool results before the next round's context work (a compaction can take long)", async () => {
    let loggedAtSummary = "";
    const { session, fake } = await setup((request, index) => {
      if (index === 0) return reply(toolUse("compact", {}, "toolu_compact_1"));
      if (isSummaryRequest(request.body)) {
        loggedAtSummary = readFileSync(session.sessionPath(), "utf8");
        return reply(text("<summary>The user asked to compact.</summary>"));
      }
      return reply(text("done"));
    });
    expect(await run(session)).toMatchObject({ reason: "end_turn" });
    expect(loggedAtSummary).toContain('"tool_use_id":"toolu_compact_1"');
    assertPairingInvariant(fake.requests);
  });

  it("finishes the turn with every tool call answered when the session log cannot be written, and says so once", async () => {
    const { session, fake, events, notices } = await setup(
      [reply(toolUse("bash", { command: "echo hi" }, "toolu_log_1")), reply(text("done"))],
      { ".lcc/sessions": "a file where the sessions folder should be\n" },
    );
    session.onEvent((event) => events.push(event));
    const result = await run(session);
    expect(result.reason).toBe("end_turn");
    expect(notices()).toEqual([expect.stringMatching(/^warn: Session log off: cannot write .*\.jsonl/)]);
    expect(fake.messageRequests()).toHaveLength(2);
    assertPairingInvariant(fake.requests);
  });
});
