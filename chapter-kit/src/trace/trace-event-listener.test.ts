// The event listener: tool_end becomes a tool record (a subagent's too, tagged with its parent call),
// the chosen events become event records, and everything else is left out.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createTraceEventListener } from "./trace-event-listener.ts";
import type { TraceRecord } from "./trace-format.ts";
import { createTraceRecorder } from "./trace-recorder.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  const path = join(workspace.dir, "trace.jsonl");
  const listener = createTraceEventListener(createTraceRecorder(path, { source: "test" }));
  const recorded = (): TraceRecord[] =>
    readFileSync(path, "utf8")
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => JSON.parse(line) as TraceRecord);
  return { listener, recorded };
}

const toolEnd = {
  type: "tool_end",
  id: "toolu_1",
  name: "read_file",
  input: { path: "a.txt" },
  output: "hello",
  isError: false,
  interrupted: false,
  details: { lines: 1 },
  durationMs: 7,
} as const;

describe("createTraceEventListener", () => {
  it("records a tool execution with its input, output, details and duration", async () => {
    const { listener, recorded } = await setup();
    listener(toolEnd);

    expect(recorded()).toEqual([
      {
        type: "tool",
        time: expect.any(String),
        id: "toolu_1",
        name: "read_file",
        input: { path: "a.txt" },
        output: "hello",
        isError: false,
        details: { lines: 1 },
        durationMs: 7,
      },
    ]);
  });

  it("completes a tool_end that has no input or duration (s01's) from its tool_start", async () => {
    const { listener, recorded } = await setup();
    listener({ type: "tool_start", id: "toolu_2", name: "bash", input: { command: "ls" } } as {
      type: string;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    listener({ type: "tool_end", id: "toolu_2", name: "bash", output: "a.txt", isError: false } as {
      type: string;
    });
    const [tool] = recorded();
    expect(tool).toMatchObject({ type: "tool", id: "toolu_2", input: { command: "ls" } });
    expect((tool as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(15);
  });

  it("records a subagent's tool call and events with the agent call that started it", async () => {
    const { listener, recorded } = await setup();
    const events = [
      { type: "subagent_event", parentToolUseId: "toolu_parent", agentType: "explore", event: toolEnd },
      {
        type: "subagent_event",
        parentToolUseId: "toolu_parent",
        event: { type: "notice", source: "s", text: "deep" },
      },
    ];
    for (const event of events) listener(event);

    expect(recorded()).toEqual([
      expect.objectContaining({ type: "tool", id: "toolu_1", parentToolUseId: "toolu_parent" }),
      expect.objectContaining({ type: "event", parentToolUseId: "toolu_parent", event: expect.any(Object) }),
    ]);
  });

  it("records the chosen events as emitted and leaves the rest out", async () => {
    const { listener, recorded } = await setup();
    const events = [
      { type: "agent_start" },
      { type: "turn_start", turn: 1 },
      { type: "text_delta", text: "streamed text is in the response record" },
      { type: "notice", source: "compaction", text: "compacted", level: "info" },
      { type: "compaction_end", kind: "micro", trigger: "auto", ok: true, clearedResults: 3 },
      { type: "agent_end", reason: "error", error: new Error("overloaded") },
    ];
    for (const event of events) listener(event);

    expect(recorded().map((record) => (record.type === "event" ? record.event : record))).toEqual([
      { type: "notice", source: "compaction", text: "compacted", level: "info" },
      { type: "compaction_end", kind: "micro", trigger: "auto", ok: true, clearedResults: 3 },
      { type: "agent_end", reason: "error", error: "overloaded" },
    ]);
  });
});
