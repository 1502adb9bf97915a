// Slash commands against a real session: what each prints, and that commands of chapters not
// integrated yet say so instead of failing silently.

import { assertPairingInvariant, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import type { AgentSession } from "./agent-session.ts";
import { INTEGRATED_CHAPTER } from "./agent-setup.ts";
import { createColors } from "./colors.ts";
import { loadSession } from "./session-store.ts";
import { isSlashCommand, runSlashCommand, SLASH_COMMANDS } from "./slash-commands.ts";
import { createTestSession } from "./test-harness.ts";

const addCleanup = useCleanups();

async function setup() {
  const test = await createTestSession(
    [
      reply(text("first answer")),
      reply(text("<summary>The user said hi.</summary>")),
      reply(text("third answer")),
    ],
    {
      files: {
        "skills/greet/SKILL.md": "---\nname: greet\ndescription: Greets people warmly.\n---\nSay hello.\n",
      },
    },
  );
  addCleanup(test.cleanup);
  let printed = "";
  const run = async (line: string) => {
    printed = "";
    await runSlashCommand(line, {
      ...commandContext(test.session),
      write: (chunk) => {
        printed += chunk;
      },
    });
    return printed;
  };
  return { ...test, run };
}

/** What a command runs with, minus where it writes. */
function commandContext(session: AgentSession) {
  return { session, colors: createColors(false), signal: new AbortController().signal, demo: false };
}

describe("slash commands", () => {
  it("tells commands from prompts that start with a path", () => {
    expect(isSlashCommand("/cost")).toBe(true);
    expect(isSlashCommand("/compact keep the API notes")).toBe(true);
    expect(isSlashCommand("/tmp/log.txt looks odd")).toBe(false);
  });

  it("/help lists every command and the ones later chapters bring", async () => {
    const { run } = await setup();
    const help = await run("/help");
    for (const command of SLASH_COMMANDS) expect(help).toContain(`/${command.name}`);
    expect(help).toContain("/exit");
    expect(help).toContain("/mcp (s19)");
  });

  it("/cost shows tokens, cache reads and writes, hit rate and a cost estimate", async () => {
    const { run, session } = await setup();
    await session.runTurn("hi", new AbortController().signal);
    const cost = await run("/cost");
    expect(cost).toMatch(/1 request\b/);
    expect(cost).toMatch(/cache read \d/);
    expect(cost).toMatch(/cache write \d/);
    expect(cost).toMatch(/cache hit rate \d+\.\d%/);
    expect(cost).toMatch(/estimated cost \$\d/);
  });

  it("/context reports messages, the last request's tokens and the tools", async () => {
    const { run, session } = await setup();
    expect(await run("/context")).toContain("no request yet");
    await session.runTurn("hi", new AbortController().signal);
    const context = await run("/context");
    expect(context).toMatch(/^2 messages; last request used [\d.]+k? of 200k tokens/);
    expect(context).toContain("bash, read_file, write_file, edit_file");
  });

  it("/model shows and switches the model used by the next request, and says when its price is unknown", async () => {
    const { run, session, fake } = await setup();
    expect(await run("/model")).toBe(`model: ${session.model()}\n`);
    expect(await run("/model my-local-model")).toContain("price is unknown");
    await session.runTurn("hi", new AbortController().signal);
    expect(fake.messageRequests()[0]?.body.model).toBe("my-local-model");
    expect(await run("/cost")).toContain("estimated cost unknown");
  });

  it("/model reaches subagents started after the switch", async () => {
    const test = await createTestSession([
      reply(
        toolUse("agent", { description: "Look around", prompt: "List the files.", agent_type: "explore" }),
      ),
      reply(text("Nothing much here.")),
      reply(text("The explorer found nothing much.")),
    ]);
    addCleanup(test.cleanup);
    test.session.setModel("claude-switched-1");
    await test.session.runTurn("explore please", new AbortController().signal);
    expect(test.fake.messageRequests().map((request) => request.body.model)).toEqual([
      "claude-switched-1",
      "claude-switched-1",
      "claude-switched-1",
    ]);
    assertPairingInvariant(test.fake.messageRequests());
  });

  it("/clear starts a new, empty conversation and /resume switches back to the saved one", async () => {
    const { run, session } = await setup();
    await session.runTurn("remember me", new AbortController().signal);
    const first = session.sessionId();
    expect(await run("/clear")).toContain(`The previous one is ${first}`);
    expect(session.state.messages).toEqual([]);
    expect(session.sessionId()).not.toBe(first);
    expect(await run("/resume")).toContain("remember me");
    expect(await run(`/resume ${first}`)).toBe(`Resumed ${first} (2 messages).\n`);
    expect(session.sessionId()).toBe(first);
    expect(session.state.messages).toHaveLength(2);
  });

  it("/clear leaves nothing of the old conversation: no last usage, no plan reminding the model of old items", async () => {
    const openPlan = {
      items: [
        { content: "Old step one", status: "in_progress", activeForm: "Doing old step one" },
        { content: "Old step two", status: "pending", activeForm: "Doing old step two" },
      ],
    };
    const test = await createTestSession([
      reply(toolUse("todo_write", openPlan, "toolu_plan_1")),
      reply(text("Planned.")),
      ...[1, 2, 3].map((round) => reply(toolUse("bash", { command: `echo ${round}` }, `toolu_new_${round}`))),
      reply(text("New work done.")),
    ]);
    addCleanup(test.cleanup);
    const { session, fake } = test;
    await session.runTurn("plan the old work", new AbortController().signal);
    await runSlashCommand("/clear", { ...commandContext(session), write: () => {} });
    let context = "";
    await runSlashCommand("/context", { ...commandContext(session), write: (chunk) => (context += chunk) });
    expect(context).toContain("0 messages; last request used 0 of");
    expect(context).toContain("no request yet");
    await session.runTurn("something new", new AbortController().signal);
    const afterClear = fake.messageRequests().slice(2);
    expect(afterClear).toHaveLength(4);
    expect(JSON.stringify(afterClear.map((request) => request.body.messages))).not.toContain("Old step");
    assertPairingInvariant(fake.requests);
  });

  it("/cost counts every request since lcc started, across /clear, and names the current session", async () => {
    const { run, session } = await setup();
    await session.runTurn("hi", new AbortController().signal);
    await run("/clear");
    expect(await run("/cost")).toMatch(
      new RegExp(`^Since lcc started: 1 request \\(current session ${session.sessionId()}\\)`),
    );
  });

  it("/skills lists the skills s05 discovered", async () => {
    const { run } = await setup();
    expect(await run("/skills")).toBe("  greet — Greets people warmly.\n");
  });

  it("/compact [focus] runs s06's compaction: the summary request carries the focus and replaces the history", async () => {
    const { run, session, fake } = await setup();
    expect(await run("/compact")).toBe("Nothing to compact yet.\n");
    await session.runTurn("hi", new AbortController().signal);
    expect(await run("/compact keep the greeting")).toMatch(
      /^Compacted: the history is now a \d+-character summary/,
    );
    expect(JSON.stringify(fake.messageRequests()[1]?.body.messages)).toContain("keep the greeting");
    expect(JSON.stringify(session.state.messages)).toContain("The user said hi.");
    await session.runTurn("and now?", new AbortController().signal);
    assertPairingInvariant(fake.requests);
    // The rewrite is logged, so resuming rebuilds the compacted conversation, not the old one.
    expect(loadSession(session.sessionPath(), session.sessionId()).messages).toEqual(session.state.messages);
  });

  it("says plainly when a command's chapter is not integrated yet, and hints at /help for unknown ones", async () => {
    const { run } = await setup();
    expect(await run("/mcp")).toContain(
      `MCP servers arrive with chapter s19, and this build integrates chapters up to ${INTEGRATED_CHAPTER}`,
    );
    expect(await run("/frob")).toBe("Unknown command /frob. Type /help for the list.\n");
  });
});
