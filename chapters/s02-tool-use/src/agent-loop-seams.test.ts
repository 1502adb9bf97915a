// The loop's seams around the model call, through the real loop and the fake API: transformContext,
// wrapCallModel, afterTurn, a reply whose tool input is not JSON, and a custom dispatch.
import type Anthropic from "@anthropic-ai/sdk";
import { assertPairingInvariant, reply, text, toolUse, toolUseRawInput } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import type { DispatchToolCalls } from "./dispatch.ts";
import type { AgentHooks } from "./hooks.ts";
import { createNoteTool, testLoopSetup } from "./test-loop.ts";
import { createReadFileTool } from "./tools/read-file.ts";

const startLoop = testLoopSetup(useCleanups());
const readNotes = (id?: string) => reply(toolUse("read_file", { path: "notes.txt" }, id));

describe("s02 transformContext and wrapCallModel", () => {
  it("transformContext sees every request's history and wrapCallModel sees every request", async () => {
    const seen: number[] = [];
    let calls = 0;
    const hooks: AgentHooks = {
      transformContext: (messages) => {
        seen.push(messages.length);
        return messages;
      },
      wrapCallModel: (next) => (request, options) => {
        calls += 1;
        return next(request, options);
      },
    };
    const { run } = await startLoop([readNotes(), reply(text("ok"))], { hooks });
    await run();
    expect(seen).toEqual([1, 3]);
    expect(calls).toBe(2);
  });

  it("contains a throwing transformContext: a warn notice, the request is still sent, agent_end follows", async () => {
    const hooks: AgentHooks = {
      transformContext: () => {
        throw new Error("reminder store unreadable");
      },
    };
    const { run, requests, eventsOf } = await startLoop([reply(text("ok"))], { hooks });
    expect((await run()).reason).toBe("end_turn");
    expect(eventsOf("notice")).toEqual([
      {
        type: "notice",
        source: "loop",
        level: "warn",
        text: "transformContext failed and was skipped: reminder store unreadable",
      },
    ]);
    expect(requests()[0]!.body.messages).toEqual([{ role: "user", content: "go" }]);
    expect(eventsOf("agent_start")).toHaveLength(1);
    expect(eventsOf("agent_end")).toEqual([{ type: "agent_end", reason: "end_turn" }]);
  });
});

describe("s02 afterTurn", () => {
  it("continue after tool calls adds the content after the round's tool results and calls the model again", async () => {
    const hooks: AgentHooks = {
      afterTurn: (round) =>
        round.message.stop_reason === "tool_use"
          ? { kind: "continue", reason: "test_nudge", content: "Check the tests too." }
          : undefined,
    };
    const { run, requests, lastBlocks, eventsOf } = await startLoop([readNotes("t1"), reply(text("done"))], {
      hooks,
    });
    await run();
    expect(requests()).toHaveLength(2);
    expect(requests()[1]!.body.messages).toHaveLength(3);
    expect(lastBlocks(1).map((block) => block.type)).toEqual(["tool_result", "text"]);
    expect(lastBlocks(1)[1]).toEqual({ type: "text", text: "Check the tests too." });
    expect(eventsOf("loop_continue")).toEqual([{ type: "loop_continue", turn: 1, reason: "test_nudge" }]);
    assertPairingInvariant(requests());
  });

  it("continue after a final answer adds the content as its own user message and calls the model again", async () => {
    let nudged = false;
    const hooks: AgentHooks = {
      afterTurn: () => {
        if (nudged) return undefined;
        nudged = true;
        return { kind: "continue", reason: "test_nudge", content: "Are you sure?" };
      },
    };
    const { run, requests } = await startLoop([reply(text("done")), reply(text("yes"))], { hooks });
    const result = await run();
    expect(result).toEqual({ reason: "end_turn", turns: 2 });
    expect(requests()[1]!.body.messages).toEqual([
      { role: "user", content: "go" },
      { role: "assistant", content: [{ type: "text", text: "done" }] },
      { role: "user", content: [{ type: "text", text: "Are you sure?" }] },
    ]);
  });

  it("end stops the loop although the model asked for tools: every call answered, agent_end says why", async () => {
    const hooks: AgentHooks = { afterTurn: () => ({ kind: "end", reason: "stopped", detail: "doom loop" }) };
    const { run, requests, state, eventsOf } = await startLoop([readNotes("t1"), reply(text("never"))], {
      hooks,
    });
    const result = await run();
    expect(result).toEqual({ reason: "stopped", turns: 1, detail: "doom loop" });
    expect(requests()).toHaveLength(1);
    expect(eventsOf("agent_end")).toEqual([{ type: "agent_end", reason: "stopped", detail: "doom loop" }]);
    expect(state.messages.at(-1)).toMatchObject({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "t1" }],
    });
  });

  it("contains a throwing afterTurn: a warn notice, and the loop goes on and ends normally", async () => {
    const hooks: AgentHooks = {
      afterTurn: () => {
        throw new Error("stop hook crashed");
      },
    };
    const { run, requests, eventsOf } = await startLoop([readNotes(), reply(text("done"))], { hooks });
    expect(await run()).toEqual({ reason: "end_turn", turns: 2 });
    expect(requests()).toHaveLength(2);
    expect(eventsOf("notice").map((event) => [event.level, event.text])).toEqual([
      ["warn", "afterTurn failed and was skipped: stop hook crashed"],
      ["warn", "afterTurn failed and was skipped: stop hook crashed"],
    ]);
  });
});

describe("s02 tool input that is not valid JSON", () => {
  it("answers the call with an is_error result holding the raw input, and the next request serialises", async () => {
    const raw = '{"path": "notes.txt", oops}';
    const { run, requests, resultsOf, state } = await startLoop([
      reply(text("Reading."), toolUseRawInput("read_file", raw, "t1")),
      reply(text("I will fix my call.")),
    ]);
    expect((await run()).reason).toBe("end_turn");
    const [result] = resultsOf(1);
    expect(result).toMatchObject({ tool_use_id: "t1", is_error: true });
    expect(result!.content).toBe(
      `The input of this read_file call was not valid JSON, so it did not run. Received: ${raw}\nCall the tool again with a valid JSON object.`,
    );
    const assistant = requests()[1]!.body.messages[1]!.content as Anthropic.ContentBlockParam[];
    expect(assistant[1]).toEqual({ type: "tool_use", id: "t1", name: "read_file", input: {} });
    expect(JSON.parse(JSON.stringify(state.messages))).toHaveLength(4);
    assertPairingInvariant(requests());
  });
});

describe("s02 dispatch", () => {
  it("runs a round's calls through setup's dispatch, whose results come back in call order", async () => {
    const log: string[] = [];
    const dispatched: string[][] = [];
    const reversed: DispatchToolCalls = async (calls, runCall) => {
      dispatched.push(calls.map((call) => call.id));
      const results = [];
      for (const call of [...calls].reverse()) results.unshift(await runCall(call));
      return results;
    };
    const { run, resultsOf, requests } = await startLoop(
      [
        reply(
          toolUse("note", { text: "a" }, "t1"),
          toolUse("note", { text: "b" }, "t2"),
          toolUse("note", { text: "c" }, "t3"),
        ),
        reply(text("ok")),
      ],
      { tools: [createNoteTool(log), createReadFileTool()], dispatch: reversed },
    );
    await run();
    expect(dispatched).toEqual([["t1", "t2", "t3"]]);
    expect(log).toEqual(["run:c", "run:b", "run:a"]);
    expect(resultsOf(1).map((block) => [block.tool_use_id, block.content])).toEqual([
      ["t1", "noted a"],
      ["t2", "noted b"],
      ["t3", "noted c"],
    ]);
    assertPairingInvariant(requests());
  });
});
