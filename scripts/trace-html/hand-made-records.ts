// Small hand-made trace records for the HTML view's unit tests: builders for each record type and a
// two-turn session with a tool call, a permission decision and a notice.
import type {
  TraceEventRecord,
  TraceRecord,
  TraceRequestRecord,
  TraceResponseRecord,
  TraceStartRecord,
  TraceToolRecord,
} from "../../chapter-kit/src/trace/trace-format.ts";
import { renderTraceHtml } from "./render-trace-html.ts";

export const time = "2026-01-02T03:04:05.000Z";
export const start: TraceStartRecord = {
  type: "trace_start",
  format: 1,
  time,
  pid: 7,
  source: "@lcc/test",
  cwd: "/work",
};
export const usage = {
  input_tokens: 10,
  output_tokens: 5,
  cache_read_input_tokens: 0,
  cache_creation_input_tokens: 0,
};

export function request(
  seq: number,
  messages: unknown[],
  extra: Record<string, unknown> = {},
): TraceRequestRecord {
  const body = {
    model: "claude-test",
    max_tokens: 512,
    system: "Be brief.",
    tools: [{ name: "bash" }],
    messages,
    ...extra,
  };
  return { type: "request", seq, time, method: "POST", url: "https://api.example.com/v1/messages", body };
}

export function response(
  seq: number,
  content: unknown[],
  stop = "end_turn",
  tokens = usage,
): TraceResponseRecord {
  const message = {
    id: `msg_${seq}`,
    model: "claude-test",
    role: "assistant",
    content,
    stop_reason: stop,
    usage: tokens,
  };
  return {
    type: "response",
    seq,
    time,
    durationMs: 40,
    status: 200,
    streamed: true,
    message,
  } as TraceResponseRecord;
}

export function tool(id: string, output: string, extra: Partial<TraceToolRecord> = {}): TraceToolRecord {
  return {
    type: "tool",
    time,
    id,
    name: "bash",
    input: { command: "ls" },
    output,
    isError: false,
    durationMs: 3,
    ...extra,
  };
}

export function event(fields: Record<string, unknown>, parentToolUseId?: string): TraceEventRecord {
  return {
    type: "event",
    time,
    event: fields as TraceEventRecord["event"],
    ...(parentToolUseId ? { parentToolUseId } : {}),
  };
}

export const user = (text: string) => ({ role: "user", content: text });
export const assistant = (content: unknown[]) => ({ role: "assistant", content });
export const call = (id: string, name: string, input: unknown) => ({ type: "tool_use", id, name, input });
export const result = (id: string, content: string) => ({
  role: "user",
  content: [{ type: "tool_result", tool_use_id: id, content }],
});
export const render = (records: TraceRecord[]) => renderTraceHtml(records, { title: "test" });
/** How many times `text` occurs in `html`. */
export const count = (html: string, text: string) => html.split(text).length - 1;

/** A two-turn session: a bash call (with a permission decision and a notice), its result, an answer. */
export function twoTurns(output = "a\nb"): TraceRecord[] {
  const reply1 = [{ type: "text", text: "Listing." }, call("t1", "bash", { command: "ls" })];
  return [
    start,
    request(1, [user("list files")]),
    response(1, reply1, "tool_use"),
    event({
      type: "tool_decision",
      id: "t1",
      name: "bash",
      phase: "permission",
      decision: "allow",
      reason: "read-only",
    }),
    event({ type: "notice", source: "compact", text: "output saved", level: "info" }),
    tool("t1", output),
    request(2, [user("list files"), assistant(reply1), result("t1", output)]),
    response(2, [{ type: "text", text: "Two files." }]),
  ];
}
