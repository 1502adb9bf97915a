// End to end: a subagent's lifecycle — abort, the round limit, transcripts, LCC_HOME and tagged events.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import { INTERRUPTED_MESSAGE } from "@lcc/s02";
import { assertPairingInvariant, faults, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { MAX_SUBAGENT_ROUNDS } from "./run-subagent.ts";
import { delegate, isChild, lastBlocks, testAgentSetup } from "./test-agent.ts";
import type { SubagentTranscript } from "./transcript.ts";

const setup = testAgentSetup(useCleanups());

describe("s04 subagent lifecycle", () => {
  it("stops the child on abort and gives the parent an interrupted result", async () => {
    const controller = new AbortController();
    const { agent, run, requests, workspace } = await setup(async (request) => {
      if (!isChild(request)) return requests().some(isChild) ? reply(text("recovered")) : delegate({});
      // The user interrupts while the child waits for its model.
      controller.abort();
      return { ...reply(text("this never arrives")), delayMs: 5_000 };
    });
    await run("go", controller.signal);
    expect(requests()).toHaveLength(2);
    const last = agent.state.messages.at(-1)!;
    expect(last.role).toBe("user");
    const [result] = last.content as Anthropic.ToolResultBlockParam[];
    expect(result).toMatchObject({ tool_use_id: "parent_call", is_error: true });
    expect(String(result!.content)).toContain(INTERRUPTED_MESSAGE);
    const [saved] = readdirSync(join(workspace, ".lcc", "transcripts"));
    expect(JSON.parse(readFileSync(join(workspace, ".lcc", "transcripts", saved!), "utf8"))).toMatchObject({
      reason: "aborted",
    });
    await run("are you there?");
    expect(requests()).toHaveLength(3);
    assertPairingInvariant(requests());
  });

  it("turns a failed child request into an is_error result with the child's last text, and the parent goes on", async () => {
    const { run, requests, workspace } = await setup([
      delegate({}),
      reply(text("Reading the notes."), toolUse("read_file", { path: "notes.txt" })),
      faults.serverError(),
      reply(text("The helper failed; I'll read it myself.")),
    ]);
    await run();
    const [result] = lastBlocks(requests().at(-1)!) as Anthropic.ToolResultBlockParam[];
    expect(result).toMatchObject({ tool_use_id: "parent_call", is_error: true });
    expect(String(result!.content)).toMatch(
      /^The general subagent failed: .+\nIts last text was:\nReading the notes\.\n\[general subagent: 1 round, 1 tool call, /,
    );
    const folder = join(workspace, ".lcc", "transcripts");
    const [saved] = readdirSync(folder);
    expect(JSON.parse(readFileSync(join(folder, saved!), "utf8"))).toMatchObject({ reason: "error" });
    assertPairingInvariant(requests());
  });

  it(`stops a child after ${MAX_SUBAGENT_ROUNDS} rounds and tells the parent it did not finish`, async () => {
    const { run, requests } = await setup((request, index) => {
      if (!isChild(request)) return index === 0 ? delegate({}) : reply(text("ok"));
      return reply(
        text(`round ${request.body.messages.length}`),
        toolUse("read_file", { path: "notes.txt" }),
      );
    });
    await run();
    expect(requests().filter(isChild)).toHaveLength(MAX_SUBAGENT_ROUNDS);
    const [result] = lastBlocks(requests().at(-1)!) as Anthropic.ToolResultBlockParam[];
    expect(result!.is_error).toBe(true);
    expect(String(result!.content)).toContain(
      `reached its ${MAX_SUBAGENT_ROUNDS}-round limit before finishing`,
    );
    assertPairingInvariant(requests());
  });

  it("writes the child's transcript atomically under .lcc/transcripts and keeps .lcc out of git", async () => {
    const { run, requests, workspace } = await setup(
      [
        delegate({}),
        reply(toolUse("read_file", { path: "notes.txt" })),
        reply(text("milk")),
        reply(text("ok")),
      ],
      { git: true },
    );
    await run();
    const folder = join(workspace, ".lcc", "transcripts");
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^subagent-.*-parent_call\.json$/);
    const transcript = JSON.parse(readFileSync(join(folder, files[0]!), "utf8")) as SubagentTranscript;
    const lastChild = requests().filter(isChild).at(-1)!;
    expect(transcript).toMatchObject({
      kind: "subagent",
      parentToolUseId: "parent_call",
      agentType: "general",
      reason: "end_turn",
    });
    expect(transcript.messages).toEqual([
      ...lastChild.body.messages,
      { role: "assistant", content: [{ type: "text", text: "milk" }] },
    ]);
    expect(readFileSync(join(workspace, ".git", "info", "exclude"), "utf8")).toMatch(/^\.lcc\/$/m);
    expect(execFileSync("git", ["status", "--porcelain"], { cwd: workspace, encoding: "utf8" })).toBe("");
  });

  it("writes transcripts under LCC_HOME when it is set", async () => {
    const { run, workspace } = await setup([delegate({}), reply(text("milk")), reply(text("ok"))], {
      env: { LCC_HOME: "state" },
    });
    await run();
    expect(readdirSync(join(workspace, "state", "transcripts"))).toHaveLength(1);
  });

  it("streams the child's events tagged with the parent's tool_use id, between start and end", async () => {
    const { run, events } = await setup([
      delegate({ agent_type: "explore" }),
      reply(toolUse("read_file", { path: "notes.txt" }, "child_read")),
      reply(text("milk")),
      reply(text("ok")),
    ]);
    await run();
    const tagged = events.filter((event) => event.type.startsWith("subagent_"));
    expect(tagged[0]).toMatchObject({
      type: "subagent_start",
      parentToolUseId: "parent_call",
      agentType: "explore",
      tools: ["read_file"],
    });
    expect(tagged.at(-1)).toMatchObject({
      type: "subagent_end",
      parentToolUseId: "parent_call",
      reason: "end_turn",
    });
    const inner = tagged.flatMap((event) => (event.type === "subagent_event" ? [event.event] : []));
    expect(inner.find((event) => event.type === "tool_start")).toMatchObject({
      id: "child_read",
      name: "read_file",
    });
    // The child's tool events never reach the parent's stream untagged.
    expect(events.some((event) => event.type === "tool_start" && event.id === "child_read")).toBe(false);
  });
});
