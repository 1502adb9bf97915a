// The stream reducer on event lists the fake API does not send: thinking, signatures, citations, an
// error event, usage that arrives in two parts, and tool input that never finished.
import { describe, expect, it } from "vitest";
import { EMPTY_ASSEMBLY, finishAssembly, reduceStreamEvent, type StreamEvent } from "./assemble-message.ts";

function assemble(events: StreamEvent[]) {
  return finishAssembly(events.reduce(reduceStreamEvent, EMPTY_ASSEMBLY));
}

const messageStart: StreamEvent = {
  type: "message_start",
  message: {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "claude-test",
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: {
      input_tokens: 120,
      output_tokens: 1,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 0,
    },
  },
};

function delta(index: number, value: Record<string, unknown>): StreamEvent {
  return { type: "content_block_delta", index, delta: value };
}

const end: StreamEvent[] = [
  {
    type: "message_delta",
    delta: { stop_reason: "tool_use", stop_sequence: null },
    usage: { output_tokens: 42 },
  },
  { type: "message_stop" },
];

describe("reduceStreamEvent", () => {
  it("assembles thinking with its signature, text with citations, and tool input from partial JSON", () => {
    const result = assemble([
      messageStart,
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "thinking", thinking: "", signature: "" },
      },
      delta(0, { type: "thinking_delta", thinking: "The user wants " }),
      delta(0, { type: "thinking_delta", thinking: "a listing." }),
      delta(0, { type: "signature_delta", signature: "sig-abc" }),
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
      delta(1, { type: "text_delta", text: "Listing" }),
      delta(1, { type: "citations_delta", citation: { type: "char_location", cited_text: "x" } }),
      delta(1, { type: "text_delta", text: " now." }),
      { type: "content_block_stop", index: 1 },
      {
        type: "content_block_start",
        index: 2,
        content_block: { type: "tool_use", id: "t1", name: "bash", input: {} },
      },
      delta(2, { type: "input_json_delta", partial_json: '{"comm' }),
      delta(2, { type: "input_json_delta", partial_json: 'and":"ls"}' }),
      { type: "content_block_stop", index: 2 },
      ...end,
    ]);

    expect(result.error).toBeUndefined();
    expect(result.message?.content).toEqual([
      { type: "thinking", thinking: "The user wants a listing.", signature: "sig-abc" },
      { type: "text", text: "Listing now.", citations: [{ type: "char_location", cited_text: "x" }] },
      { type: "tool_use", id: "t1", name: "bash", input: { command: "ls" } },
    ]);
  });

  it("takes the stop reason and final usage from message_delta, keeping what it leaves out", () => {
    const result = assemble([messageStart, ...end]);

    expect(result.message?.stop_reason).toBe("tool_use");
    expect(result.message?.usage).toEqual({
      input_tokens: 120,
      output_tokens: 42,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 0,
    });
  });

  it("keeps a tool call without arguments as sent", () => {
    const result = assemble([
      messageStart,
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "tool_use", id: "t1", name: "pwd", input: {} },
      },
      delta(0, { type: "input_json_delta", partial_json: "" }),
      { type: "content_block_stop", index: 0 },
      ...end,
    ]);

    expect(result.message?.content).toEqual([{ type: "tool_use", id: "t1", name: "pwd", input: {} }]);
  });

  it("reports an error event and keeps the partial message", () => {
    const result = assemble([
      messageStart,
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      delta(0, { type: "text_delta", text: "Half" }),
      { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    ]);

    expect(result.error).toBe("overloaded_error: Overloaded");
    expect(result.message?.content).toEqual([{ type: "text", text: "Half" }]);
    expect(result.message?.stop_reason).toBeNull();
  });

  it("says when the stream stopped early, with unfinished tool input kept as text", () => {
    const result = assemble([
      messageStart,
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "tool_use", id: "t1", name: "bash", input: {} },
      },
      delta(0, { type: "input_json_delta", partial_json: '{"command":"l' }),
    ]);

    expect(result.error).toBe("stream ended before message_stop");
    expect(result.message?.content[0]).toMatchObject({ input: '{"command":"l' });
  });

  it("ignores pings, unknown events and deltas for blocks that never started", () => {
    const result = assemble([
      { type: "ping" },
      messageStart,
      { type: "some_future_event", data: 1 },
      delta(5, { type: "text_delta", text: "lost" }),
      ...end,
    ]);

    expect(result.message?.content).toEqual([]);
    expect(result.error).toBeUndefined();
  });
});
