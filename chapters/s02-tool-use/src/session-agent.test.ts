// The s02 session core end to end: what the user is told when a run ends badly, slash commands, /clear,
// queued messages between turns, and the demo scenario.
import { readFile } from "node:fs/promises";
import { runScenario } from "@lcc/chapter-kit";
import { assertPairingInvariant, faults, reply, type Script, text } from "@lcc/testkit";
import { captureOutput, startFakeModel, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createToolUseSetup, s02Chapter } from "./agent.ts";
import { type AgentSetup, extendSetup, type SetupContext } from "./agent-setup.ts";
import type { AgentEvent } from "./events.ts";
import { s02Scenario } from "./scenario.ts";
import { createSessionAgent } from "./session-agent.ts";

const addCleanup = useCleanups();
const signal = () => new AbortController().signal;

async function startFake(script: Script) {
  const model = await startFakeModel({ script });
  addCleanup(model.cleanup);
  const output = captureOutput();
  const { client, config, workspace } = model;
  return { ...model, output, context: { client, config, workspace, output } };
}

/** s02's session with a /greet command, counting how often its setup is built. */
async function setup(script: Script) {
  const fake = await startFake(script);
  let builds = 0;
  const buildSetup = (context: SetupContext): AgentSetup => {
    builds += 1;
    return extendSetup(createToolUseSetup(context), {
      commands: [
        {
          name: "greet",
          usage: "/greet [name]",
          summary: "say hello",
          run: (args, { write }) => write(`hello ${args}\n`),
        },
      ],
    });
  };
  const agent = await createSessionAgent(buildSetup, fake.context, { print: false });
  const events: AgentEvent[] = [];
  agent.subscribe((event) => events.push(event));
  const written: string[] = [];
  const command = (line: string) => agent.runCommand(line, signal(), (text) => written.push(text));
  return { ...fake, agent, events, written, command, builds: () => builds };
}

describe("s02 session agent", () => {
  it("after a failed model request, reports it and the next prompt joins the unanswered one", async () => {
    const { context, output, fake } = await startFake([faults.serverError(), reply(text("Both answered."))]);
    const agent = await s02Chapter.createAgent(context);
    await agent.handleLine("first", signal());
    expect(output.text()).toContain("⚠ Model request failed:");
    await agent.handleLine("second", signal());
    expect(fake.messageRequests()[1]!.body.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "first" },
          { type: "text", text: "second" },
        ],
      },
    ]);
    assertPairingInvariant(fake.messageRequests());
  });

  it("tells the user when a reply hit the output limit", async () => {
    const { context, output } = await startFake([
      { ...reply(text("A long answer that")), stop_reason: "max_tokens" },
    ]);
    const agent = await s02Chapter.createAgent(context);
    await agent.handleLine("explain everything", signal());
    expect(output.text()).toContain("A long answer that\n⚠ The reply hit the output limit (MAX_TOKENS=1024)");
  });
});

describe("s02 session commands", () => {
  it("/clear rebuilds the setup and starts an empty conversation", async () => {
    const { agent, command, written, events, builds, fake } = await setup([
      reply(text("one")),
      reply(text("two")),
    ]);
    const firstSetup = agent.setup;
    await agent.runTurn("remember 42", signal());
    expect(agent.state.lastUsage).toBeDefined();
    expect(await command("/clear")).toBe(true);
    expect(written).toEqual(["Started a new conversation.\n"]);
    expect(agent.state.messages).toEqual([]);
    expect(agent.state.lastUsage).toBeUndefined();
    expect(builds()).toBe(2);
    expect(agent.setup).not.toBe(firstSetup);
    expect(events.filter((event) => event.type === "conversation_start")).toEqual([
      { type: "conversation_start", messages: 0 },
    ]);
    expect(events.at(-1)).toEqual({ type: "conversation_start", messages: 0 });
    await agent.runTurn("what did I say?", signal());
    expect(fake.messageRequests()[1]!.body.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "what did I say?" }] },
    ]);
  });

  it("/help lists the core commands, the setup's commands and /exit", async () => {
    const { command, written } = await setup([]);
    expect(await command("/help")).toBe(true);
    const lines = written.join("").trimEnd().split("\n");
    expect(lines.map((line) => line.trim().split(/\s{2,}/))).toEqual([
      ["/help", "list the commands"],
      ["/clear", "start a new conversation (empty history, fresh plan and skills)"],
      ["/context", "how full the context window is, the system prompt and the tools"],
      ["/greet [name]", "say hello"],
      ["/exit", "leave (also Ctrl-D)"],
    ]);
    expect(await command("/greet Ada")).toBe(true);
    expect(written.at(-1)).toBe("hello Ada\n");
  });

  it("says so for an unknown /command and sends nothing to the model; a line starting with a path is a prompt", async () => {
    const { agent, output, fake } = await setup([reply(text("It is a folder."))]);
    await agent.handleLine("/nope now", signal());
    expect(output.text()).toBe("Unknown command /nope. /help lists the commands.\n");
    expect(fake.messageRequests()).toHaveLength(0);
    expect(agent.state.messages).toEqual([]);
    await agent.handleLine("/tmp/x is odd", signal());
    expect(fake.messageRequests()[0]!.body.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "/tmp/x is odd" }] },
    ]);
  });
});

describe("s02 queued messages between turns", () => {
  it("runQueued returns undefined when nothing waits, and runs a turn for what was queued", async () => {
    const { agent, fake } = await setup([reply(text("Noted the build result."))]);
    expect(await agent.runQueued(signal())).toBeUndefined();
    expect(fake.messageRequests()).toHaveLength(0);
    let woken = 0;
    agent.wake?.onPush(() => {
      woken += 1;
    });
    agent.queue.push({ source: "background", content: "<background-results>build ok</background-results>" });
    expect(woken).toBe(1);
    expect(await agent.runQueued(signal())).toEqual({ reason: "end_turn", turns: 1 });
    expect(fake.messageRequests()[0]!.body.messages).toEqual([
      {
        role: "user",
        content: [{ type: "text", text: "<background-results>build ok</background-results>" }],
      },
    ]);
    expect(agent.queue.size()).toBe(0);
  });
});

describe("s02 demo scenario", () => {
  it("edits the file through the real agent, shows every call and keeps pairing", async () => {
    const output = captureOutput();
    const run = await runScenario(s02Chapter, s02Scenario, output);
    addCleanup(run.cleanup);
    assertPairingInvariant(run.requests);
    expect(output.text()).toContain("old_text occurs 2 times in greet.js");
    expect(output.text()).toContain("outside the workspace");
    expect(output.text()).toContain("Hello, world");
    expect(await readFile(`${run.workspace}/greet.js`, "utf8")).toContain("return `Hello, ${name}`;");
  });

  it("keeps session values across a rebuilt setup and runs the closers once, latest first, a failure reported", async () => {
    const fake = await startFake([]);
    const kept: object[] = [];
    const closed: string[] = [];
    const agent = await createSessionAgent(
      (context) => {
        kept.push(context.session!.keep("test:resource", () => ({ made: kept.length })));
        const build = kept.length;
        context.session!.onClose(() => {
          closed.push(`setup ${build}`);
          if (build === 1) throw new Error("disk gone");
        });
        return createToolUseSetup(context);
      },
      fake.context,
      { print: false },
    );
    const events: AgentEvent[] = [];
    agent.subscribe((event) => events.push(event));
    await agent.reset();
    expect(kept).toHaveLength(2);
    expect(kept[1]).toBe(kept[0]);
    await Promise.all([agent.close(), agent.close()]);
    await agent.close();
    expect(closed).toEqual(["setup 2", "setup 1"]);
    expect(events).toContainEqual({
      type: "notice",
      source: "session",
      level: "warn",
      text: "closing the session failed: disk gone",
    });
  });
});
