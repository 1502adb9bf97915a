// The HTML view's model of a trace: per session a main line of turns, subagent and teammate conversations as
// branches under the tool call that started them, compactions holding the turns they made, and each tool call
// with its input, decisions and output. Types only; build-page-model.ts builds it.

import type { RequestGrowth } from "../../chapter-kit/src/trace/request-growth.ts";
import type {
  TraceEventRecord,
  TraceRequestRecord,
  TraceResponseRecord,
  TraceStartRecord,
  TraceToolRecord,
} from "../../chapter-kit/src/trace/trace-format.ts";

/** The whole page: sessions in file order and the totals of the header. */
export interface PageModel {
  sessions: SessionModel[];
  totals: PageTotals;
}

/** Sums over the file; `largestTokens` is the scale of every token bar. */
export interface PageTotals {
  sessions: number;
  requests: number;
  turns: number;
  toolCalls: number;
  toolErrors: number;
  inputTokens: number;
  outputTokens: number;
  cacheRead: number;
  cacheWrite: number;
  largestTokens: number;
}

/** One session: from a trace_start (absent when the file starts without one) to the next. */
export interface SessionModel {
  number: number;
  start?: TraceStartRecord;
  main: LineModel;
  /** Every tool call of the session by tool_use id. */
  toolCalls: Map<string, ToolCallModel>;
}

/** A conversation line: the main one, or a branch (a subagent's or teammate's) under a tool call. */
export interface LineModel {
  /** The tool_use id that started the branch; absent for the main line. */
  parentId?: string;
  label: string;
  items: LineItem[];
  /** A subagent's subagent_start / subagent_end events. */
  start?: TraceEventRecord;
  end?: TraceEventRecord;
}

/** What a line shows, in the order it happened. */
export type LineItem =
  | { kind: "turn"; turn: TurnModel }
  | { kind: "count_tokens"; request: TraceRequestRecord; response?: TraceResponseRecord }
  | { kind: "compaction"; compaction: CompactionModel }
  | { kind: "event"; record: TraceEventRecord }
  | { kind: "tool"; call: ToolCallModel }
  | { kind: "branch"; line: LineModel };

/** One model request (a turn) with its reply. */
export interface TurnModel {
  seq: number;
  /** 1, 2, 3… over the session's turns, branches included (as the terminal view counts). */
  number: number;
  request: TraceRequestRecord;
  response?: TraceResponseRecord;
  growth: RequestGrowth;
  /** The turn this request continues, when it continues one. */
  previousTurn?: number;
  /** What the request adds; `replyOfTurn` when a message is the previous turn's reply as it came. */
  added: Array<{ message: unknown; replyOfTurn?: number }>;
  /** Milliseconds from the session start to the request. */
  offsetMs: number;
}

/** A compaction: its events, the requests made meanwhile (the summary), and the history size around it. */
export interface CompactionModel {
  start?: TraceEventRecord;
  end?: TraceEventRecord;
  items: LineItem[];
  /** Messages in the line's last request before, and first request after, the compaction. */
  messagesBefore?: number;
  messagesAfter?: number;
}

/** A tool the model called: its input, permission/hook decisions, output and any branch it started. */
export interface ToolCallModel {
  id: string;
  name: string;
  input: unknown;
  /** The traced run; absent when only the reply and the next request show the call (a teammate's). */
  record?: TraceToolRecord;
  /** The tool_result a later request carried for it. */
  result?: { text: string; isError: boolean };
  decisions: TraceEventRecord[];
  branch?: LineModel;
}
