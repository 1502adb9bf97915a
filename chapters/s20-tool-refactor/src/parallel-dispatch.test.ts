// The parallel dispatch through s02's real loop: read-only runs overlap and keep their order, failures stay
// their own, a mutating or invalid call is a barrier, an abort answers every call once, pairing holds.
import type Anthropic from "@anthropic-ai/sdk";
import {
  type AgentEvent,
  createBashTool,
  createEditFileTool,
  createReadFileTool,
  createToolRegistry,
  createWriteFileTool,
  INTERRUPTED_MESSAGE,
  type ToolCall,
} from "@lcc/s02";
import { assertPairingInvariant, pairingProblems, reply, text, toolUse } from "@lcc/testkit";
import { abortWhen, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createParallelDispatch, DEFAULT_MAX_CONCURRENCY, runsInParallel } from "./parallel-dispatch.ts";
import {
  createSlowTool,
  dispatchLoopSetup,
  overlap,
  peakConcurrency,
  type RunInterval,
} from "./test-dispatch.ts";

const setup = dispatchLoopSetup(useCleanups());
const CALL_MS = 300;

function reads(count: number, extra: (index: number) => Record<string, unknown> = () => ({})) {
  return Array.from({ length: count }, (_, index) =>
    toolUse("slow_read", { label: `r${index + 1}`, ...extra(index) }, `t${index + 1}`),
  );
}

function resultsIn(message: Anthropic.MessageParam | undefined) {
  return ((message?.content ?? []) as Anthropic.ContentBlockParam[]).filter(
    (block): block is Anthropic.ToolResultBlockParam => block.type === "tool_result",
  );
}

/** Every tool_start has exactly one tool_end with its id, after it. */
function expectEventsPaired(events: AgentEvent[], ids: string[]) {
  for (const id of ids) {
    const starts = events.flatMap((event, at) =>
      event.type === "tool_start" && event.id === id ? [at] : [],
    );
    const ends = events.flatMap((event, at) => (event.type === "tool_end" && event.id === id ? [at] : []));
    expect(starts, id).toHaveLength(1);
    expect(ends, id).toHaveLength(1);
    expect(ends[0]!).toBeGreaterThan(starts[0]!);
  }
}

describe("s20 parallel dispatch in the loop", () => {
  it("runs 5 slow read-only calls together: about one call's time, all overlapping, results in order", async () => {
    const log: RunInterval[] = [];
    // Earlier calls sleep longer, so they finish last: order must come from the calls, not the finish.
    const { fake, events, run } = await setup(
      [reply(...reads(5, (index) => ({ ms: CALL_MS + 40 * (4 - index) }))), reply(text("done"))],
      [createSlowTool(log)],
      createParallelDispatch({ maxConcurrency: 5 }),
    );
    const started = performance.now();
    expect((await run()).reason).toBe("end_turn");
    const elapsed = performance.now() - started;
    expect(log).toHaveLength(5);
    expect(peakConcurrency(log)).toBe(5);
    const span = Math.max(...log.map((one) => one.end)) - Math.min(...log.map((one) => one.start));
    // Loose bounds (a loaded machine is slow, never faster): one at a time would take 5 calls, ≥ 1,900 ms.
    expect(span).toBeLessThan(3 * CALL_MS);
    expect(elapsed).toBeLessThan(5 * CALL_MS);
    const results = resultsIn(fake.messageRequests()[1]!.body.messages.at(-1));
    expect(results.map((result) => [result.tool_use_id, result.content])).toEqual([
      ["t1", "read r1"],
      ["t2", "read r2"],
      ["t3", "read r3"],
      ["t4", "read r4"],
      ["t5", "read r5"],
    ]);
    expectEventsPaired(events, ["t1", "t2", "t3", "t4", "t5"]);
    assertPairingInvariant(fake.messageRequests());
  });

  it("keeps at most maxConcurrency calls in flight (default 10, as Claude Code)", async () => {
    const log: RunInterval[] = [];
    const { run } = await setup(
      [reply(...reads(12, () => ({ ms: 150 }))), reply(text("done"))],
      [createSlowTool(log)],
      createParallelDispatch(),
    );
    await run();
    expect(log).toHaveLength(12);
    expect(peakConcurrency(log)).toBe(DEFAULT_MAX_CONCURRENCY);
    expect(DEFAULT_MAX_CONCURRENCY).toBe(10);
  });

  it("keeps the other calls' results when one of them fails", async () => {
    const log: RunInterval[] = [];
    const { fake, run } = await setup(
      [reply(...reads(5, (index) => ({ ms: 100, fail: index === 2 }))), reply(text("done"))],
      [createSlowTool(log)],
      createParallelDispatch(),
    );
    await run();
    const results = resultsIn(fake.messageRequests()[1]!.body.messages.at(-1));
    expect(results.map((result) => [result.tool_use_id, Boolean(result.is_error)])).toEqual([
      ["t1", false],
      ["t2", false],
      ["t3", true],
      ["t4", false],
      ["t5", false],
    ]);
    expect(results[2]!.content).toContain("r3 could not be read");
    expect(results[4]!.content).toBe("read r5");
    assertPairingInvariant(fake.messageRequests());
  });

  it("never overlaps a mutating call with any other call", async () => {
    const log: RunInterval[] = [];
    const { fake, run } = await setup(
      [
        reply(
          toolUse("slow_read", { label: "r1", ms: 150 }, "t1"),
          toolUse("slow_read", { label: "r2", ms: 150 }, "t2"),
          toolUse("slow_write", { label: "w", ms: 150 }, "t3"),
          toolUse("slow_read", { label: "r3", ms: 150 }, "t4"),
          toolUse("slow_read", { label: "r4", ms: 150 }, "t5"),
        ),
        reply(text("done")),
      ],
      [createSlowTool(log), createSlowTool(log, true)],
      createParallelDispatch(),
    );
    await run();
    const byLabel = Object.fromEntries(log.map((one) => [one.label, one]));
    const write = byLabel.w!;
    for (const label of ["r1", "r2", "r3", "r4"]) expect(overlap(write, byLabel[label]!), label).toBe(false);
    expect(overlap(byLabel.r1!, byLabel.r2!)).toBe(true);
    expect(overlap(byLabel.r3!, byLabel.r4!)).toBe(true);
    const results = resultsIn(fake.messageRequests()[1]!.body.messages.at(-1));
    expect(results.map((result) => result.content)).toEqual([
      "read r1",
      "read r2",
      "wrote w",
      "read r3",
      "read r4",
    ]);
  });

  it("runs a call with invalid input or an unknown tool alone, between the calls around it", async () => {
    const log: RunInterval[] = [];
    const { events, fake, run } = await setup(
      [
        reply(
          toolUse("slow_read", { label: "r1", ms: 100 }, "t1"),
          toolUse("slow_read", { label: 5 }, "t2"),
          toolUse("slow_read", { label: "r3", ms: 100 }, "t3"),
          toolUse("fly", {}, "t4"),
          toolUse("slow_read", { label: "r5", ms: 100 }, "t5"),
        ),
        reply(text("done")),
      ],
      [createSlowTool(log)],
      createParallelDispatch(),
    );
    await run();
    const order = events.flatMap((event) =>
      event.type === "tool_start" || event.type === "tool_end"
        ? [`${event.type === "tool_start" ? "+" : "-"}${event.id}`]
        : [],
    );
    expect(order).toEqual(["+t1", "-t1", "+t2", "-t2", "+t3", "-t3", "+t4", "-t4", "+t5", "-t5"]);
    const results = resultsIn(fake.messageRequests()[1]!.body.messages.at(-1));
    expect(results.map((result) => Boolean(result.is_error))).toEqual([false, true, false, true, false]);
  });

  it("answers every call exactly once when the turn is aborted mid-batch", async () => {
    const log: RunInterval[] = [];
    const { events, state, run } = await setup(
      [reply(...reads(5)), reply(text("never asked"))],
      [createSlowTool(log)],
      createParallelDispatch({ maxConcurrency: 2 }),
    );
    const signal = abortWhen(() => events.some((event) => event.type === "tool_start"), 100);
    expect((await run(signal)).reason).toBe("aborted");
    const results = resultsIn(state.messages.at(-1));
    expect(results.map((result) => result.tool_use_id)).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    for (const result of results) expect(result).toMatchObject({ is_error: true });
    // The two in flight were cut short; the three not yet started were answered without running.
    expect(log.map((one) => one.label).sort()).toEqual(["r1", "r2"]);
    for (const result of results.slice(2)) expect(result.content).toBe(INTERRUPTED_MESSAGE);
    expectEventsPaired(events, ["t1", "t2", "t3", "t4", "t5"]);
    expect(pairingProblems(state.messages)).toEqual([]);
  });
});

describe("createParallelDispatch on its own", () => {
  const registry = createToolRegistry([createSlowTool([])]);
  const call = (id: string): ToolCall => ({ id, name: "slow_read", input: { label: id } });

  it("turns a runCall that rejects into an is_error result for that call only", async () => {
    const dispatch = createParallelDispatch();
    const results = await dispatch(
      [call("a"), call("b"), call("c")],
      async (one) => {
        if (one.id === "b") throw new Error("bug in the pipeline");
        return { type: "tool_result", tool_use_id: one.id, content: `ok ${one.id}` };
      },
      registry,
    );
    expect(results.map((result) => [result.tool_use_id, result.content, Boolean(result.is_error)])).toEqual([
      ["a", "ok a", false],
      ["b", "slow_read failed inside the dispatcher: bug in the pipeline", true],
      ["c", "ok c", false],
    ]);
  });

  it("runs in parallel only a tool that is both readOnly and concurrencySafe", () => {
    const traits = [
      {},
      { readOnly: true },
      { concurrencySafe: true },
      { readOnly: true, concurrencySafe: true },
    ];
    const tools = traits.map((trait, index) => ({
      ...createSlowTool([], true),
      ...trait,
      name: `tool${index}`,
    }));
    const several = createToolRegistry(tools);
    const verdicts = tools.map((tool) =>
      runsInParallel({ id: "x", name: tool.name, input: { label: "a" } }, several),
    );
    expect(verdicts).toEqual([false, false, false, true]);
  });

  it("runs s02's read_file in parallel and keeps bash, write_file and edit_file (destructive) as barriers", () => {
    const builtIns = [createReadFileTool(), createBashTool(), createWriteFileTool(), createEditFileTool()];
    const several = createToolRegistry(builtIns);
    const inputs: Record<string, unknown> = {
      read_file: { path: "a.txt" },
      bash: { command: "ls" },
      write_file: { path: "a.txt", content: "" },
      edit_file: { path: "a.txt", old_text: "a", new_text: "b" },
    };
    const verdicts = builtIns.map((tool) => [
      tool.name,
      runsInParallel({ id: "x", name: tool.name, input: inputs[tool.name] }, several),
      Boolean(tool.destructive),
    ]);
    expect(verdicts).toEqual([
      ["read_file", true, false],
      ["bash", false, true],
      ["write_file", false, true],
      ["edit_file", false, true],
    ]);
  });

  it("refuses a maxConcurrency that is not an integer ≥ 1", () => {
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => createParallelDispatch({ maxConcurrency: bad })).toThrow(RangeError);
  });
});
