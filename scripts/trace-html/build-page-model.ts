// Builds the HTML view's model (page-model.ts) from parsed trace records: which conversation each request
// belongs to, where its tool calls, decisions, compactions and branches go. Pure.

import { comparable, measureRequestGrowth, messagesOf } from "../../chapter-kit/src/trace/request-growth.ts";
import type {
  TraceEventRecord,
  TraceRecord,
  TraceRequestRecord,
  TraceResponseRecord,
  TraceStartRecord,
  TraceToolRecord,
} from "../../chapter-kit/src/trace/trace-format.ts";
import { asRecord, resultText } from "../trace-blocks.ts";
import { isCountTokens } from "../trace-view.ts";
import type {
  CompactionModel,
  LineItem,
  LineModel,
  PageModel,
  PageTotals,
  SessionModel,
  ToolCallModel,
  TurnModel,
} from "./page-model.ts";
import { addUsage, createTotals } from "./page-totals.ts";

/** Where a line's next item goes and what it last sent. */
interface LineState {
  openCompaction?: CompactionModel;
  awaitingCompaction?: CompactionModel;
  /** Messages in the line's latest request. */
  lastMessages?: number;
}

/** Builds the model. Never throws on odd but parseable records (a reply without request is left out). */
export function buildPageModel(records: TraceRecord[]): PageModel {
  const totals = createTotals();
  const sessions: SessionModel[] = [];
  let builder: SessionBuilder | undefined;
  for (const record of records) {
    if (record.type === "trace_start" || builder === undefined) {
      builder?.finish();
      builder = new SessionBuilder(
        sessions.length + 1,
        record.type === "trace_start" ? record : undefined,
        totals,
      );
      sessions.push(builder.session);
      if (record.type === "trace_start") continue;
    }
    builder.add(record);
  }
  builder?.finish();
  totals.sessions = sessions.length;
  return { sessions, totals };
}

/** The state of one session while its records are read. */
class SessionBuilder {
  readonly session: SessionModel;
  private readonly lineByConversation = new Map<string, LineModel>();
  private readonly lineByParent = new Map<string, LineModel>();
  private readonly lineStates = new Map<LineModel, LineState>();
  private readonly turnBySeq = new Map<number, TurnModel>();
  private readonly countTokensBySeq = new Map<number, { response?: TraceResponseRecord }>();
  private readonly messageRequests: TraceRequestRecord[] = [];
  /** Subagent branches in the order they started, and the parents whose branch has its conversation. */
  private readonly pendingBranches: LineModel[] = [];
  private readonly claimedParents = new Set<string>();
  private readonly results = new Map<string, { text: string; isError: boolean }>();
  private readonly startMs: number | undefined;
  private turns = 0;

  constructor(
    number: number,
    start: TraceStartRecord | undefined,
    private readonly totals: PageTotals,
  ) {
    const main: LineModel = { label: "main", items: [] };
    this.session = { number, main, toolCalls: new Map(), ...(start ? { start } : {}) };
    this.startMs = start ? Date.parse(start.time) : undefined;
  }

  add(record: TraceRecord): void {
    if (record.type === "request") this.addRequest(record);
    else if (record.type === "response") this.addResponse(record);
    else if (record.type === "tool") this.addTool(record);
    else if (record.type === "event") this.addEvent(record);
  }

  /** Gives each call without a traced run the result a later request carried. */
  finish(): void {
    for (const call of this.session.toolCalls.values()) {
      const result = this.results.get(call.id);
      if (result) call.result = result;
    }
  }

  private addRequest(request: TraceRequestRecord): void {
    this.totals.requests += 1;
    if (isCountTokens(request)) {
      const item: LineItem & { kind: "count_tokens" } = { kind: "count_tokens", request };
      this.countTokensBySeq.set(request.seq, item);
      this.push(this.session.main, item);
      return;
    }
    this.totals.turns += 1;
    this.turns += 1;
    const growth = measureRequestGrowth(this.messageRequests, request);
    this.messageRequests.push(request);
    const messages = messagesOf(request);
    const conversation = comparable(messages[0]);
    const line = this.lineByConversation.get(conversation) ?? this.lineForNewConversation(messages[0]);
    this.lineByConversation.set(conversation, line);
    const previous = growth.previousSeq === undefined ? undefined : this.turnBySeq.get(growth.previousSeq);
    const previousReply = previous?.response?.message?.content;
    const added = growth.added.map((message) => {
      this.collectResults(message);
      const fields = asRecord(message);
      const isReply =
        previous !== undefined &&
        previousReply !== undefined &&
        fields.role === "assistant" &&
        comparable(fields.content) === comparable(previousReply);
      return isReply ? { message, replyOfTurn: previous.number } : { message };
    });
    const turn: TurnModel = {
      seq: request.seq,
      number: this.turns,
      request,
      growth,
      added,
      offsetMs: this.startMs === undefined ? 0 : Math.max(0, Date.parse(request.time) - this.startMs),
      ...(previous ? { previousTurn: previous.number } : {}),
    };
    this.turnBySeq.set(request.seq, turn);
    const state = this.stateOf(line);
    state.lastMessages = messages.length;
    if (state.awaitingCompaction) {
      state.awaitingCompaction.messagesAfter = messages.length;
      delete state.awaitingCompaction;
    }
    this.push(line, { kind: "turn", turn });
  }

  /** A first message seen for the first time: the main line, a branch of the tool call whose input it is, or a subagent's. */
  private lineForNewConversation(first: unknown): LineModel {
    if (this.lineByConversation.size === 0) return this.session.main;
    const text = resultText(asRecord(first).content).trim();
    // A tool call whose input is the first message started it; one whose branch has no conversation yet first,
    // else the same teammate starting over (its first message now a string instead of blocks, say).
    const matching = [...this.session.toolCalls.values()].filter((candidate) =>
      Object.values(asRecord(candidate.input)).some(
        (value) => typeof value === "string" && value.trim() === text,
      ),
    );
    const call = matching.find((candidate) => !this.claimedParents.has(candidate.id)) ?? matching[0];
    const branch = call
      ? this.branchOf(call.id)
      : this.pendingBranches.find((pending) => !this.claimedParents.has(pending.parentId ?? ""));
    if (!branch) return this.session.main;
    this.claimedParents.add(branch.parentId ?? "");
    return branch;
  }

  private addResponse(response: TraceResponseRecord): void {
    const countTokens = this.countTokensBySeq.get(response.seq);
    if (countTokens) {
      countTokens.response = response;
      return;
    }
    const turn = this.turnBySeq.get(response.seq);
    if (!turn) return;
    turn.response = response;
    const message = response.message;
    if (!message) return;
    addUsage(this.totals, message.usage);
    for (const block of message.content) {
      if (block.type !== "tool_use" || typeof block.id !== "string") continue;
      this.totals.toolCalls += 1;
      const call = { id: block.id, name: String(block.name ?? "?"), input: block.input, decisions: [] };
      this.session.toolCalls.set(block.id, call);
    }
  }

  private addTool(record: TraceToolRecord): void {
    const call = this.session.toolCalls.get(record.id);
    if (record.isError) this.totals.toolErrors += 1;
    if (call) {
      call.record = record;
      return;
    }
    this.totals.toolCalls += 1;
    const orphan: ToolCallModel = {
      id: record.id,
      name: record.name,
      input: record.input,
      record,
      decisions: [],
    };
    this.push(this.lineOf(record), { kind: "tool", call: orphan });
  }

  private addEvent(record: TraceEventRecord): void {
    const event = record.event;
    const parentId = typeof event.parentToolUseId === "string" ? event.parentToolUseId : undefined;
    const call = typeof event.id === "string" ? this.session.toolCalls.get(event.id) : undefined;
    if (event.type === "tool_decision" && call) {
      call.decisions.push(record);
    } else if (event.type === "subagent_start" && parentId !== undefined) {
      const branch = this.branchOf(parentId);
      branch.start = record;
      const kind = [event.agentType, event.description].filter((part) => typeof part === "string");
      if (kind.length > 0)
        branch.label = `${this.session.toolCalls.get(parentId)?.name ?? "subagent"} ${kind.join(" · ")}`;
      this.pendingBranches.push(branch);
    } else if (event.type === "subagent_end" && parentId !== undefined && this.lineByParent.has(parentId)) {
      const branch = this.branchOf(parentId);
      branch.end = record;
    } else if (event.type === "compaction_start") {
      const line = this.lineOf(record);
      const compaction: CompactionModel = { start: record, items: [], ...this.lastMessages(line) };
      this.push(line, { kind: "compaction", compaction });
      this.stateOf(line).openCompaction = compaction;
    } else if (event.type === "compaction_end") {
      const line = this.lineOf(record);
      const state = this.stateOf(line);
      const compaction = state.openCompaction ?? { items: [], ...this.lastMessages(line) };
      if (!state.openCompaction) this.push(line, { kind: "compaction", compaction });
      compaction.end = record;
      delete state.openCompaction;
      state.awaitingCompaction = compaction;
    } else {
      this.push(this.lineOf(record), { kind: "event", record });
    }
  }

  /** The branch started by tool call `parentId`, made (and hung under the call) on first use. */
  private branchOf(parentId: string): LineModel {
    const existing = this.lineByParent.get(parentId);
    if (existing) return existing;
    const call = this.session.toolCalls.get(parentId);
    const input = asRecord(call?.input);
    const who = [input.name, input.agent_type, input.description].find((value) => typeof value === "string");
    const label = `${call?.name ?? "branch"}${who === undefined ? "" : ` ${String(who)}`}`;
    const branch: LineModel = { parentId, label, items: [] };
    this.lineByParent.set(parentId, branch);
    if (call) call.branch = branch;
    else this.push(this.session.main, { kind: "branch", line: branch });
    return branch;
  }

  /** The line a tool run or event belongs to: its subagent's branch, or the main line. */
  private lineOf(record: TraceToolRecord | TraceEventRecord): LineModel {
    const parent = record.parentToolUseId;
    return (parent === undefined ? undefined : this.lineByParent.get(parent)) ?? this.session.main;
  }

  private stateOf(line: LineModel): LineState {
    const state = this.lineStates.get(line) ?? {};
    this.lineStates.set(line, state);
    return state;
  }

  /** Appends to the line, inside its open compaction if there is one. */
  private push(line: LineModel, item: LineItem): void {
    const open = this.stateOf(line).openCompaction;
    (open ? open.items : line.items).push(item);
  }

  /** The message count of the line's latest turn, as `{ messagesBefore }`. */
  private lastMessages(line: LineModel): { messagesBefore?: number } {
    const last = this.stateOf(line).lastMessages;
    return last === undefined ? {} : { messagesBefore: last };
  }

  /** Records each tool_result of a message by its tool_use id. */
  private collectResults(message: unknown): void {
    const content = asRecord(message).content;
    if (!Array.isArray(content)) return;
    for (const block of content) {
      const fields = asRecord(block);
      if (fields.type !== "tool_result" || typeof fields.tool_use_id !== "string") continue;
      this.results.set(fields.tool_use_id, {
        text: resultText(fields.content),
        isError: fields.is_error === true,
      });
    }
  }
}
