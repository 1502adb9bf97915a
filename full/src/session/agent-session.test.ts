// The session shared by the REPL and headless mode: what reaches the UI subscribed to the core, and
// that neither a state folder that cannot be written nor a new conversation can break a turn or leak
// the old one; a resumed session keeps its size, and a failed connection names where it went.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createModelClient, DEFAULT_MODEL } from "@lcc/chapter-kit";
import type { AgentEvent } from "@lcc/s02";
import { isSummaryRequest } from "@lcc/s06";
import { assertPairingInvariant, createTempWorkspace, reply, type Script, text, toolUse } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { closedLoopbackURL, createTestSession } from "../test-harness.ts";
import { createAgentSession } from "./agent-session.ts";
import { loadSession } from "./session-store.ts";

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
  it("delivers the notices its setup raised (a skipped SKILL.md, the skills found) to the first UI subscriber", async () => {
    const { session, events, notices } = await setup([reply(text("ok"))], {
      "skills/greet/SKILL.md": "---\nname: greet\ndescription: Greets people.\n---\nSay hello.\n",
      "skills/broken/SKILL.md": "no frontmatter here\n",
    });
    session.core.subscribe((event) => events.push(event));
    expect(notices()).toEqual([
      expect.stringMatching(/^warn: Skipped .*skills\/broken\/SKILL\.md: /),
      "info: Skills available: greet",
    ]);
    const second: AgentEvent[] = [];
    session.core.subscribe((event) => second.push(event));
    expect(second).toEqual([]);
    // /clear builds a new setup; it finds the same files, and says nothing it already said: the only
    // new notice names the new session.
    expect(await session.runCommand("/clear", new AbortController().signal, () => {})).toBe(true);
    expect(notices()).toHaveLength(3);
    expect(notices()[2]).toMatch(/^info: New session \S+; the previous one, \S+, stays on disk/);
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
    session.core.subscribe((event) => events.push(event));
    const result = await run(session);
    expect(result.reason).toBe("end_turn");
    expect(notices()).toEqual([expect.stringMatching(/^warn: Session log off: cannot write .*\.jsonl/)]);
    expect(fake.messageRequests()).toHaveLength(2);
    assertPairingInvariant(fake.requests);
  });

  it("starts a session read back from its log with the size its last request reported", async () => {
    const { session, fake, workspace } = await setup([reply(text("first answer"))]);
    await run(session);
    const reported = fake.messageRequests()[0]?.usage;
    await session.close();
    const loaded = loadSession(session.sessionPath(), session.sessionId());
    expect(loaded.lastUsage).toEqual({
      input_tokens: reported?.input_tokens,
      output_tokens: reported?.output_tokens,
      cache_read_input_tokens: reported?.cache_read_input_tokens,
      cache_creation_input_tokens: reported?.cache_creation_input_tokens,
    });
    const resumed = await createAgentSession({
      client: createModelClient({ apiKey: "k", model: DEFAULT_MODEL, maxTokens: 1024 }),
      config: { apiKey: "k", model: DEFAULT_MODEL, maxTokens: 1024 },
      workspace,
      output: captureOutput(),
      env: {},
      lccHome: join(workspace, ".lcc"),
      version: "test",
      resume: loaded,
    });
    addCleanup(() => resumed.close());
    expect(resumed.core.state.lastUsage).toMatchObject(loaded.lastUsage ?? { missing: true });
  });

  it("names the endpoint it tried and the system's reason when the model cannot be reached", async () => {
    const workspace = await createTempWorkspace();
    addCleanup(workspace.cleanup);
    const baseURL = await closedLoopbackURL();
    const config = { apiKey: "k", baseURL, model: DEFAULT_MODEL, maxTokens: 1024 };
    const session = await createAgentSession({
      client: createModelClient(config, { maxRetries: 0 }),
      config,
      workspace: workspace.dir,
      output: captureOutput(),
      // s11's retries off: this is about the words, not the waits (headless-errors.test.ts has both).
      env: { LCC_MAX_RETRIES: "0", HOME: workspace.dir },
      lccHome: join(workspace.dir, ".lcc"),
      version: "test",
    });
    addCleanup(() => session.close());
    const result = await session.runTurn("hi", new AbortController().signal);
    expect(result.reason).toBe("error");
    expect(result.text).toBe(`Connection error: could not reach ${baseURL}/v1/messages (ECONNREFUSED)`);
  });
});
