// The trace view on hand-made records for what a two-turn session does not show: a history rewritten by
// compaction, a subagent's interleaved conversation, failures, count_tokens, events, and colors.
import { describe, expect, it } from "vitest";
import type {
  TraceRecord,
  TraceRequestRecord,
  TraceResponseRecord,
} from "../chapter-kit/src/trace/trace-format.ts";
import { shouldUseColor } from "./trace-text.ts";
import { renderTrace } from "./trace-view.ts";

const time = "2026-01-02T03:04:05.678Z";
const start: TraceRecord = { type: "trace_start", format: 1, time, pid: 7, source: "@lcc/s06" };

function request(seq: number, messages: unknown[], path = "/v1/messages"): TraceRequestRecord {
  const body = { model: "claude-test", max_tokens: 512, system: "Be brief.", messages };
  return { type: "request", seq, time, method: "POST", url: `https://api.example.com${path}`, body };
}

function response(
  seq: number,
  content: unknown[],
  extra: Partial<TraceResponseRecord> = {},
): TraceResponseRecord {
  const usage = {
    input_tokens: 10,
    output_tokens: 5,
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0,
  };
  const message = {
    id: `msg_${seq}`,
    model: "claude-test",
    role: "assistant",
    content,
    stop_reason: "end_turn",
    usage,
  };
  return {
    type: "response",
    seq,
    time,
    durationMs: 40,
    status: 200,
    streamed: true,
    message,
    ...extra,
  } as TraceResponseRecord;
}

const user = (text: string) => ({ role: "user", content: text });
const view = (records: TraceRecord[]) => renderTrace(records, { color: false, maxChars: 200 }).join("\n");

describe("renderTrace", () => {
  it("says how many earlier messages a request changed, where the cached prefix ends", () => {
    const result = { type: "tool_result", tool_use_id: "t1", content: "a long listing" };
    const cleared = { ...result, content: "[cleared to save context]" };
    const history = [user("list"), { role: "assistant", content: [{ type: "text", text: "ok" }] }];
    const output = view([
      start,
      request(1, [...history, { role: "user", content: [result] }]),
      request(2, [
        ...history,
        { role: "user", content: [cleared] },
        { role: "assistant", content: "hm" },
        user("go"),
      ]),
    ]);

    expect(output).toContain("5 messages: 2 as sent in turn 1, 3 new");
    expect(output).toContain("1 message of turn 1 changed or left out (the cached prefix ends there)");
    expect(output).toContain('tool_result t1: "[cleared to save context]"');
  });

  it("does not count a moved cache_control marker as a change", () => {
    const marked = (text: string) => ({
      role: "user",
      content: [{ type: "text", text, cache_control: { type: "ephemeral" } }],
    });
    const plain = (text: string) => ({ role: "user", content: [{ type: "text", text }] });
    const output = view([
      start,
      request(1, [marked("first")]),
      request(2, [plain("first"), { role: "assistant", content: "ok" }, marked("second")]),
    ]);

    expect(output).toContain("3 messages: 1 as sent in turn 1, 2 new");
    expect(output).not.toContain("changed or left out");
  });

  it("compares a subagent's requests with its own, and the parent's with the parent's", () => {
    const output = view([
      start,
      request(1, [user("parent task")]),
      request(2, [user("subagent task")]),
      request(3, [user("subagent task"), { role: "assistant", content: "sub reply" }, user("more")]),
      request(4, [user("parent task"), { role: "assistant", content: "spawned" }, user("result")]),
    ]);

    expect(output).toContain("a new conversation (a subagent, or a history replaced): 1 message");
    expect(output).toContain("3 messages: 1 as sent in turn 2, 2 new");
    expect(output).toContain("3 messages: 1 as sent in turn 1, 2 new");
  });

  it("shows an aborted reply with what had arrived, and failures in the totals", () => {
    const partial = response(1, [{ type: "text", text: "Half a sen" }], { aborted: true, error: "aborted" });
    const failed: TraceResponseRecord = {
      type: "response",
      seq: 2,
      time,
      durationMs: 3,
      status: 529,
      streamed: false,
      body: { type: "error" },
      error: "overloaded_error: Overloaded",
    };
    const output = view([start, request(1, [user("hi")]), partial, request(2, [user("hi")]), failed]);

    expect(output).toContain("✗ aborted · 40 ms");
    expect(output).toContain('← assistant, what had arrived:\n      text "Half a sen"');
    expect(output).toContain("✗ 529 · overloaded_error: Overloaded · 3 ms");
    expect(output).toContain("2 failed requests");
  });

  it("shows count_tokens apart from the turns, and events where they happened", () => {
    const output = view([
      start,
      request(1, [user("hi")], "/v1/messages/count_tokens"),
      {
        type: "response",
        seq: 1,
        time,
        durationMs: 5,
        status: 200,
        streamed: false,
        body: { input_tokens: 1234 },
      },
      { type: "event", time, event: { type: "notice", source: "compaction", text: "history summarized" } },
      { type: "event", time, event: { type: "compaction_end", kind: "full", ok: true } },
    ]);

    expect(output).toMatch(/^count_tokens · claude-test · 1 message$/m);
    expect(output).toContain('{"input_tokens":1234}');
    expect(output).toContain("· notice [compaction] history summarized");
    expect(output).toContain('· compaction_end {"kind":"full","ok":true}');
    expect(output).toContain("totals · 0 turns");
  });

  it("colors headings and errors only when asked", () => {
    const records = [start, request(1, [user("hi")]), response(1, [{ type: "text", text: "yo" }])];

    expect(renderTrace(records, { color: true, maxChars: 200 }).join("\n")).toContain(
      "\u001b[1mturn 1\u001b[0m",
    );
    expect(view(records)).not.toContain("\u001b[");
  });
});

describe("shouldUseColor", () => {
  it("colors a terminal unless NO_COLOR is set, and never a pipe", () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });
});
