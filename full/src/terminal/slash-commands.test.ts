// Slash commands against a real session, run the way the REPL runs them (session.runCommand): what
// each prints, that output fits a 120-column terminal, and that a line no command takes is named.
import { statSync } from "node:fs";
import { formatCount } from "@lcc/chapter-kit";
import { assertPairingInvariant, reply, type Script, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import type { AgentSession } from "../session/agent-session.ts";
import { loadSession } from "../session/session-store.ts";
import { createTestSession } from "../test-harness.ts";
import { describeMissingCommand, formatSessionTime, isSlashCommand } from "./slash-commands.ts";

const addCleanup = useCleanups();

const LONG_DESCRIPTION =
  "Greets people warmly, in their own language when it can tell which one they speak, with a short " +
  "personal note about the work they did today, a suggestion for what to look at next, and a reminder " +
  "to take a break when the session has gone on for more than two hours without one.";

const DEFAULT_SCRIPT: Script = [
  reply(text("first answer")),
  reply(text("<summary>The user said hi.</summary>")),
  reply(text("third answer")),
];

async function setup(script: Script = DEFAULT_SCRIPT, options: { demo?: boolean } = {}) {
  const test = await createTestSession(script, {
    ...options,
    files: {
      "skills/greet/SKILL.md": "---\nname: greet\ndescription: Greets people warmly.\n---\nSay hello.\n",
      "skills/welcome/SKILL.md": `---\nname: welcome\ndescription: ${LONG_DESCRIPTION}\n---\nWelcome.\n`,
    },
  });
  addCleanup(test.cleanup);
  return { ...test, run: (line: string) => runCommand(test.session, line) };
}

/** Runs a command line as the REPL does; resolves with what it printed, or undefined when no command took it. */
async function runCommand(session: AgentSession, line: string): Promise<string | undefined> {
  let printed = "";
  const ran = await session.runCommand(line, new AbortController().signal, (chunk) => {
    printed += chunk;
  });
  return ran ? printed : undefined;
}

const turn = (session: AgentSession, prompt: string) => session.runTurn(prompt, new AbortController().signal);

/** Every line fits 120 columns; a continued item is indented deeper than the line it continues. */
function expectFits120Columns(output: string | undefined) {
  for (const line of output?.trimEnd().split("\n") ?? ["(nothing printed)"]) {
    expect(line.length, line).toBeLessThanOrEqual(120);
  }
}

describe("slash commands", () => {
  it("tells commands from prompts that start with a path", () => {
    expect(isSlashCommand("/cost")).toBe(true);
    expect(isSlashCommand("/compact keep the API notes")).toBe(true);
    expect(isSlashCommand("/tmp/log.txt looks odd")).toBe(false);
  });

  it("/help lists every command of the setup (chapters' and lcc's) and /exit", async () => {
    const { run, session } = await setup();
    const help = await run("/help");
    const names = session.core.resolved.commands.map((command) => command.name);
    expect(names).toEqual([
      "help",
      "clear",
      "context",
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
      "resume",
    ]);
    for (const name of names) expect(help).toMatch(new RegExp(`^  /${name}\\b`, "m"));
    expect(help).toMatch(/^ {2}\/exit\b/m);
    expect(help).toContain("Ctrl-C interrupts a running turn");
    // Every chapter is integrated: no command is announced for later.
    expect(help).not.toContain("Coming with later chapters");
  });

  it("/help, /context and /skills fit a 120-column terminal; a long skill wraps between words, indented", async () => {
    const { run, session } = await setup();
    await turn(session, "hi");
    expectFits120Columns(await run("/help"));
    expectFits120Columns(await run("/context"));
    const skills = await run("/skills");
    expectFits120Columns(skills);
    const lines = skills?.trimEnd().split("\n") ?? [];
    const welcome = lines.findIndex((line) => line.startsWith("  welcome — "));
    const continued = lines.slice(welcome + 1);
    expect(continued.length).toBeGreaterThan(0);
    for (const line of continued) expect(line).toMatch(/^ {6}\S/);
    const words = [lines[welcome] ?? "", ...continued].map((line) => line.trim()).join(" ");
    expect(words).toBe(`welcome — ${LONG_DESCRIPTION}`);
  });

  it("/cost shows tokens, cache reads and writes, hit rate and a cost estimate", async () => {
    const { run, session } = await setup();
    await turn(session, "hi");
    const cost = await run("/cost");
    expect(cost).toMatch(/1 request\b/);
    expect(cost).toMatch(/cache read \d/);
    expect(cost).toMatch(/cache write \d/);
    expect(cost).toMatch(/cache hit rate \d+\.\d%/);
    expect(cost).toMatch(/estimated cost \$\d/);
  });

  it("/cost with the demo model says $0 and quotes no list price", async () => {
    const { run, session } = await setup(DEFAULT_SCRIPT, { demo: true });
    await turn(session, "hi");
    const cost = await run("/cost");
    expect(cost).toContain("estimated cost $0 (demo model");
    expect(cost).not.toMatch(/list price|price unknown|\$0\.0/);
  });

  it("/context reports messages, the last request's tokens and the tools", async () => {
    const { run, session, fake } = await setup();
    expect(await run("/context")).toContain("no request in this conversation yet");
    await turn(session, "hi");
    const usage = fake.messageRequests()[0]?.usage;
    const used =
      (usage?.input_tokens ?? 0) +
      (usage?.cache_read_input_tokens ?? 0) +
      (usage?.cache_creation_input_tokens ?? 0);
    const context = await run("/context");
    expect(context).toMatch(
      new RegExp(`^2 messages; the last request used ${formatCount(used)} of 200,000 tokens`),
    );
    expect(context).toContain("bash, read_file, write_file, edit_file");
  });

  it("/model shows and switches the model used by the next request, and says when its price is unknown", async () => {
    const { run, session, fake } = await setup();
    expect(await run("/model")).toBe(`model: ${session.core.model()}\n`);
    expect(await run("/model my-local-model")).toContain("price is unknown");
    await turn(session, "hi");
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
    expect(await runCommand(test.session, "/model claude-switched-1")).toContain("claude-switched-1");
    await turn(test.session, "explore please");
    expect(test.fake.messageRequests().map((request) => request.body.model)).toEqual([
      "claude-switched-1",
      "claude-switched-1",
      "claude-switched-1",
    ]);
    assertPairingInvariant(test.fake.messageRequests());
  });

  it("/clear starts a new, empty conversation and /resume lists the saved one and switches back to it", async () => {
    const { run, session } = await setup();
    await turn(session, "remember me");
    const first = session.sessionId();
    const firstPath = session.sessionPath();
    const notices: string[] = [];
    session.core.subscribe((event) => {
      if (event.type === "notice") notices.push(event.text);
    });
    expect(await run("/clear")).toBe("Started a new conversation.\n");
    expect(session.core.state.messages).toEqual([]);
    expect(session.sessionId()).not.toBe(first);
    // The user learns the new id and how to get back to the old conversation.
    expect(notices).toContain(
      `New session ${session.sessionId()}; the previous one, ${first}, stays on disk (/resume ${first}).`,
    );
    // The same date format as `lcc -r` (sessions.test.ts).
    expect(await run("/resume")).toContain(
      `  ${first}  ${formatSessionTime(statSync(firstPath).mtimeMs)}  remember me\n`,
    );
    expect(await run(`/resume ${first}`)).toBe(`Resumed ${first} (2 messages).\n`);
    expect(session.sessionId()).toBe(first);
    expect(session.core.state.messages).toHaveLength(2);
  });

  it("/context after /resume shows the size the resumed session's last request reported", async () => {
    const { run, session, fake } = await setup();
    await turn(session, "remember me");
    const first = session.sessionId();
    const before = await run("/context");
    const usage = fake.messageRequests()[0]?.usage;
    expect(usage?.cache_creation_input_tokens).toBeGreaterThan(0);
    await run("/clear");
    expect(await run("/context")).toContain("no request in this conversation yet");
    await run(`/resume ${first}`);
    const after = await run("/context");
    expect(after).toMatch(/the last request used [1-9][\d,]* of 200,000 tokens/);
    // The sizes are the same; the tool list may not be: tool_search and use_tool join at the first request (s19).
    const sizes = (report: string | undefined) => report?.split("\n").slice(0, 2).join("\n");
    expect(sizes(after)).toBe(sizes(before));
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
    await turn(session, "plan the old work");
    await runCommand(session, "/clear");
    expect(await runCommand(session, "/context")).toMatch(/^0 messages; no request in this conversation yet/);
    await turn(session, "something new");
    const afterClear = fake.messageRequests().slice(2);
    expect(afterClear).toHaveLength(4);
    expect(JSON.stringify(afterClear.map((request) => request.body.messages))).not.toContain("Old step");
    assertPairingInvariant(fake.requests);
  });

  it("/cost counts every request since lcc started, across /clear, and names the current session", async () => {
    const { run, session } = await setup();
    await turn(session, "hi");
    await run("/clear");
    expect(await run("/cost")).toMatch(
      new RegExp(`^Since lcc started: 1 request \\(current session ${session.sessionId()}\\)`),
    );
  });

  it("/skills lists the skills s05 discovered", async () => {
    const { run } = await setup();
    expect(await run("/skills")).toMatch(/^ {2}greet — Greets people warmly\.\n {2}welcome — Greets/);
  });

  it("/compact [focus] runs s06's compaction: the summary request carries the focus and replaces the history", async () => {
    const { run, session, fake } = await setup();
    expect(await run("/compact")).toBe("Nothing to compact yet.\n");
    await turn(session, "hi");
    const events: string[] = [];
    session.core.subscribe((event) => events.push(event.type));
    // The compaction's own events report it (one line each in the REPL); the command adds nothing.
    expect(await run("/compact keep the greeting")).toBe("");
    expect(events.filter((type) => type.startsWith("compaction_"))).toEqual([
      "compaction_start",
      "compaction_end",
    ]);
    expect(JSON.stringify(fake.messageRequests()[1]?.body.messages)).toContain("keep the greeting");
    expect(JSON.stringify(session.core.state.messages)).toContain("The user said hi.");
    await turn(session, "and now?");
    assertPairingInvariant(fake.requests);
    // The rewrite is logged, so resuming rebuilds the compacted conversation, not the old one.
    expect(loadSession(session.sessionPath(), session.sessionId()).messages).toEqual(
      session.core.state.messages,
    );
  });

  it("leaves lines no command takes to the caller, which names them unknown; /mcp and /tools run", async () => {
    const { run } = await setup();
    expect(await run("/frob")).toBeUndefined();
    expect(describeMissingCommand("/frob now")).toBe("Unknown command /frob. Type /help for the list.\n");
    expect(await run("/mcp")).toContain("No MCP servers.");
    expect(await run("/tools")).toMatch(/^\d+ tools: /m);
  });
});
