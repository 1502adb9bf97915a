// The s13 agent end to end on the fake API: a result delivered exactly once, after the tool results
// of the next request (pairing asserted); a dev server or an overlong bash moved to the background;
// the idle REPL woken by a result; /bg; the manager surviving /clear.
import { PassThrough } from "node:stream";
import { runRepl } from "@lcc/chapter-kit";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { eventually, processesInGroup, testAgentSetup } from "./test-agent.ts";

const addCleanup = useCleanups();
const start = testAgentSetup(addCleanup);

/** Every text of every message of a request, in order, as one string per message. */
function messageTexts(request: RecordedRequest | undefined): string[] {
  return (request?.body.messages ?? []).map((message) => JSON.stringify(message.content));
}

const devServer = `node -e "console.log('listening on http://localhost:4321'); setInterval(() => {}, 1000)"`;

describe("background tasks in the agent", () => {
  it("delivers a result exactly once, after the tool results of the next request", async () => {
    const agent = await start({
      script: [
        reply(toolUse("background_run", { command: "echo build-ok" }, "t1")),
        // The foreground call outlasts the background one: its end is queued meanwhile.
        reply(
          toolUse(
            "bash",
            { command: "until grep -q build-ok .lcc/runtime/b1.log; do sleep 0.05; done; sleep 0.5" },
            "t2",
          ),
        ),
        reply(text("The build passed.")),
      ],
    });
    await agent.run("build in the background");
    const requests = agent.requests();
    expect(requests).toHaveLength(3);
    const last = requests[2]?.body.messages.at(-1);
    expect(last?.role).toBe("user");
    const blocks = Array.isArray(last?.content) ? last.content : [];
    expect(blocks.map((block) => block.type)).toEqual(["tool_result", "text"]);
    expect(blocks[1]).toMatchObject({
      text: expect.stringMatching(/^<background-results>\n<result id="b1" status="completed" exit_code="0"/),
    });
    // Once in the whole history, and never before the request it belongs to.
    const all = messageTexts(requests[2]).join("\n");
    expect(all.split('<result id=\\"b1\\"')).toHaveLength(2);
    expect(messageTexts(requests[1]).join("\n")).not.toContain("<result id=");
    expect(agent.output()).toMatch(/⏺ background b1 finished · exit 0 · \d\.\d s/);
  });

  it("moves a dev server started with bash to the background instead of blocking the turn", async () => {
    const agent = await start({
      script: [
        reply(toolUse("bash", { command: devServer }, "t1")),
        reply(toolUse("background_kill", { id: "b1" }, "t2")),
        reply(text("Stopped the server.")),
      ],
      options: { background: { serverAfterMs: 50, killGraceMs: 200 } },
    });
    let pgid = 0;
    agent.agent.subscribe((event) => {
      if (event.type === "background_start") pgid = event.job.pid ?? 0;
    });
    await agent.run("start the dev server");
    const bashEnd = agent.events.find((event) => event.type === "tool_end" && event.name === "bash");
    expect(bashEnd).toMatchObject({ isError: false, details: { handedOff: "server", timedOut: false } });
    const bashResult = JSON.stringify(agent.requests()[1]?.body.messages.at(-1));
    expect(bashResult).toContain("listening on http://localhost:4321");
    expect(bashResult).toContain("moved to the background as b1 (it looks like a server)");
    expect(agent.output()).toContain("⏺ background b1 moved from bash (looks like a server): node -e");
    const killResult = JSON.stringify(agent.requests()[2]?.body.messages.at(-1));
    expect(killResult).toContain("Killed b1 and its process group");
    expect(processesInGroup(pgid)).toEqual([]);
    expect(agent.agent.setup.background.list()[0]).toMatchObject({ origin: "bash_server", status: "killed" });
  });

  it("moves a bash command past its timeout to the background, still running", async () => {
    const agent = await start({
      script: [
        reply(toolUse("bash", { command: "echo step-1; sleep 300", timeout_ms: 300 }, "t1")),
        reply(text("It is running in the background.")),
      ],
    });
    await agent.run("run the long job");
    const result = JSON.stringify(agent.requests()[1]?.body.messages.at(-1));
    expect(result).toContain("step-1");
    expect(result).toMatch(
      /moved to the background as b1 \(it was still running after its timeout, 0\.\d s\)/,
    );
    expect(agent.agent.setup.background.running()).toBe(1);
    await agent.agent.close();
    expect(agent.agent.setup.background.running()).toBe(0);
  });

  it("wakes the idle REPL with the result; the woken turn's request carries it", async () => {
    const agent = await start({
      script: [
        reply(toolUse("background_run", { command: "sleep 0.3; echo tests-passed" }, "t1")),
        reply(text("Started b1.")),
        reply(text("b1 finished: the tests passed.")),
      ],
    });
    const input = new PassThrough();
    const output = captureOutput();
    const repl = runRepl({
      input,
      output,
      prompt: "s13 > ",
      onLine: (line, signal) => agent.agent.handleLine(line, signal),
      ...(agent.agent.wake ? { wake: agent.agent.wake } : {}),
    });
    input.write("run the tests in the background\n");
    expect(await eventually(() => agent.fake.messageRequests().length === 3, 10_000)).toBe(true);
    expect(await eventually(() => agent.output().includes("the tests passed."))).toBe(true);
    input.end();
    await repl;
    const woken = agent.requests()[2];
    const last = woken?.body.messages.at(-1);
    expect(JSON.stringify(last)).toContain('<result id=\\"b1\\" status=\\"completed\\" exit_code=\\"0\\"');
    expect(JSON.stringify(last)).toContain("tests-passed");
  });

  it("/bg lists running and finished commands with the tail of each log", async () => {
    const agent = await start({
      script: [
        reply(toolUse("background_run", { command: "echo one; echo two; echo three; echo four" }, "t1")),
        reply(toolUse("background_run", { command: "echo serving; sleep 300" }, "t2")),
        reply(text("Both started.")),
        reply(text("Noted.")),
      ],
    });
    await agent.run("start both");
    expect(await eventually(() => agent.agent.setup.background.running() === 1)).toBe(true);
    expect(await eventually(() => agent.agent.setup.background.tail("b2").includes("serving"))).toBe(true);
    await agent.run("/bg");
    const shown = agent.output();
    expect(shown).toMatch(
      / {2}b1 {2}completed · exit 0 {2}\d\.\d s {2}echo one; echo two; echo three; echo four\n {4}log: \.lcc\/runtime\/b1\.log\n {4}│ two\n {4}│ three\n {4}│ four\n/,
    );
    expect(shown).toMatch(
      / {2}b2 {2}running {2}\d\.\d s {2}echo serving; sleep 300\n {4}log: \.lcc\/runtime\/b2\.log\n {4}│ serving\n/,
    );
    await agent.run("/bg b1");
    expect(agent.output()).toMatch(
      /log: \.lcc\/runtime\/b1\.log\n {4}│ one\n {4}│ two\n {4}│ three\n {4}│ four\n$/,
    );
    await agent.run("/bg kill b2");
    expect(agent.output()).toContain("Stopped b2 (killed). The model sees it when it next checks.\n");
    expect(agent.agent.setup.background.running()).toBe(0);
    await agent.run("/bg kill b2");
    expect(agent.output()).toContain("b2 already ended (killed).\n");
    await agent.run("/bg kill b9");
    expect(agent.output()).toContain("No background command b9 in this session. /bg lists them.\n");
    // A kill the user asked for is not queued for the model (it would wake a turn of its own).
    expect(agent.agent.queue.size()).toBe(0);
  });

  it("keeps its commands across /clear, and offers its tools to the parent only", async () => {
    const agent = await start({
      script: [reply(toolUse("background_run", { command: "sleep 300" })), reply(text("ok"))],
    });
    await agent.run("start it");
    const before = agent.agent.setup.background;
    await agent.run("/clear");
    expect(agent.agent.setup.background).toBe(before);
    expect(before.running()).toBe(1);
    const tools = agent.agent.setup.tools.filter((tool) => tool.name.startsWith("background_"));
    expect(tools.map((tool) => [tool.name, tool.parentOnly])).toEqual([
      ["background_run", true],
      ["background_check", true],
      ["background_kill", true],
    ]);
    expect(tools[0]?.shellCommand).toBe(true);
    expect(JSON.stringify(agent.requests()[0]?.body.system)).toContain(
      "Background commands (servers, watchers, long builds): background_run",
    );
  });

  it("holds background_run to bash's permission rules: a Bash deny rule refuses it", async () => {
    const agent = await start({
      script: [reply(toolUse("background_run", { command: "rm -rf build" }, "t1")), reply(text("Refused."))],
      options: { permissions: { mode: "bypassPermissions", disallowedTools: ["Bash(rm:*)"] } },
    });
    await agent.run("clean the build in the background");
    const end = agent.events.find((event) => event.type === "tool_end");
    expect(end).toMatchObject({ name: "background_run", isError: true });
    expect(agent.agent.setup.background.list()).toEqual([]);
  });

  it("in the default mode checks and kills its own commands without a question; a new command asks", async () => {
    const agent = await start({
      script: [
        reply(toolUse("background_run", { command: "sleep 300" }, "t1")),
        reply(toolUse("background_run", { command: "make serve" }, "t2")),
        reply(toolUse("background_check", {}, "t3")),
        reply(toolUse("background_kill", { id: "b1" }, "t4")),
        reply(text("Done.")),
      ],
      options: { permissions: { mode: "default" } },
    });
    await agent.run("start, check and stop it");
    const ends = agent.events.flatMap((event) =>
      event.type === "tool_end" ? [[event.name, event.isError] as const] : [],
    );
    // sleep is read-only (it asks for nothing); make would need the user's approval, and there is no terminal.
    expect(ends).toEqual([
      ["background_run", false],
      ["background_run", true],
      ["background_check", false],
      ["background_kill", false],
    ]);
    expect(agent.agent.setup.background.running()).toBe(0);
  });
});
