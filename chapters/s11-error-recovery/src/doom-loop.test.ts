// A doom loop — the same tool call three rounds in a row — gets one corrective reminder after the
// results; repeating it once more stops the run with a clear reason.
import type { AgentEvent } from "@lcc/s02";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { doomLoopReminder, roundKey } from "./doom-loop.ts";
import { expectEachMessageOnce } from "./history-checks.ts";
import { testAgentSetup } from "./test-agent.ts";

const start = testAgentSetup(useCleanups());

const readSame = () => reply(toolUse("read_file", { path: "missing.txt" }));

function doomContinues(events: AgentEvent[]) {
  return events.filter((event) => event.type === "loop_continue" && event.reason === "doom_loop");
}

describe("the doom-loop guard", () => {
  it("reminds once after the third identical call, then stops the run when it comes again", async () => {
    const session = await start({ script: [readSame(), readSame(), readSame(), readSame(), readSame()] });

    await session.run("Read missing.txt.");

    const requests = session.requests();
    expect(requests).toHaveLength(4);
    const fourth = requests[3]?.body.messages.at(-1);
    const blocks = Array.isArray(fourth?.content) ? fourth.content : [];
    expect(blocks.map((block) => block.type)).toEqual(["tool_result", "text"]);
    expect(blocks[1]).toMatchObject({ type: "text", text: doomLoopReminder("read_file", 3) });
    expect(doomContinues(session.events)).toHaveLength(1);
    expect(session.events.findLast((event) => event.type === "agent_end")).toMatchObject({
      reason: "stopped",
      detail: expect.stringContaining("doom loop: read_file called with the same input 4 times in a row"),
    });
    expect(session.output()).toContain(
      "↻ the same tool call 3 times in a row: reminding the model to change course",
    );
    expect(session.output()).toContain("Stopped: doom loop: read_file");
    expectEachMessageOnce(session.agent.state.messages);
  });

  it("lets the run go on when the model changes course after the reminder; the next prompt gets its own reminder", async () => {
    const changesCourse = [
      readSame(),
      readSame(),
      readSame(),
      reply(toolUse("list_files", {})),
      reply(text("Not there.")),
    ];
    const session = await start({ script: [...changesCourse, ...changesCourse] });

    await session.run("Read missing.txt.");

    expect(session.requests()).toHaveLength(5);
    expect(doomContinues(session.events)).toHaveLength(1);
    expect(session.events.findLast((event) => event.type === "agent_end")).toMatchObject({
      reason: "end_turn",
    });

    await session.run("Try once more.");

    expect(session.requests()).toHaveLength(10);
    expect(doomContinues(session.events)).toHaveLength(2);
    expect(session.events.findLast((event) => event.type === "agent_end")).toMatchObject({
      reason: "end_turn",
    });
  });

  it("does not count calls with different inputs, nor calls across prompts", async () => {
    const session = await start({
      script: [
        readSame(),
        reply(toolUse("read_file", { path: "other.txt" })),
        readSame(),
        reply(text("Neither exists.")),
        readSame(),
        readSame(),
        reply(text("Still missing.")),
      ],
    });

    await session.run("Read them.");
    await session.run("Try again.");

    expect(doomContinues(session.events)).toHaveLength(0);
    expect(session.events.findLast((event) => event.type === "agent_end")).toMatchObject({
      reason: "end_turn",
    });
  });

  it("keys a round by every call's name and input, whatever the key order", () => {
    const round = (input: unknown) => ({
      stopReason: "tool_use",
      toolCalls: [{ id: "a", name: "grep", input }],
    });

    expect(roundKey(round({ pattern: "x", path: "src" }))).toBe(
      roundKey(round({ path: "src", pattern: "x" })),
    );
    expect(roundKey(round({ pattern: "x" }))).not.toBe(roundKey(round({ pattern: "y" })));
    expect(roundKey({ stopReason: "end_turn", toolCalls: [] })).toBeUndefined();
  });
});
