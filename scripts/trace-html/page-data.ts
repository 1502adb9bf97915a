// The compact data model embedded in the trace page as JSON (for readers and scripts that want the data, not
// the DOM): per session its requests, each with only what it adds (system prompt and tools only when they
// change in its conversation), the reply, and the tool runs and events as recorded.
import { fieldOf, messagesOf } from "../../chapter-kit/src/trace/request-growth.ts";
import type { LineItem, LineModel, PageModel, ToolCallModel, TurnModel } from "./page-model.ts";

/** The JSON embedded as `<script type="application/json" id="trace-data">`. */
export interface PageData {
  title: string;
  sessions: Array<{
    number: number;
    source?: string;
    time?: string;
    cwd?: string;
    requests: Array<Record<string, unknown>>;
    tools: Array<Record<string, unknown>>;
  }>;
}

/** The data of `model`, in the order of the page. Pure. */
export function buildPageData(model: PageModel, title: string): PageData {
  return {
    title,
    sessions: model.sessions.map((session) => {
      const requests: Array<Record<string, unknown>> = [];
      collectTurns(session.main, session.toolCalls, requests);
      requests.sort((left, right) => Number(left.seq) - Number(right.seq));
      const tools = [...session.toolCalls.values()].map((call) => ({
        id: call.id,
        name: call.name,
        input: call.input,
        output: call.record?.output ?? call.result?.text,
        isError: call.record?.isError ?? call.result?.isError,
        durationMs: call.record?.durationMs,
        ...(call.branch ? { branch: call.branch.label } : {}),
      }));
      const start = session.start;
      return {
        number: session.number,
        ...(start ? { source: start.source, time: start.time } : {}),
        ...(start?.cwd === undefined ? {} : { cwd: start.cwd }),
        requests,
        tools,
      };
    }),
  };
}

/** Adds the turns of `line` (and of the branches under its tool calls and of its compactions) to `requests`. */
function collectTurns(
  line: LineModel,
  toolCalls: Map<string, ToolCallModel>,
  requests: Array<Record<string, unknown>>,
): void {
  const visit = (items: LineItem[]) => {
    for (const item of items) {
      if (item.kind === "turn") {
        requests.push(turnData(item.turn, line.label));
        for (const block of item.turn.response?.message?.content ?? []) {
          const branch = block.type === "tool_use" ? toolCalls.get(String(block.id))?.branch : undefined;
          if (branch) collectTurns(branch, toolCalls, requests);
        }
      } else if (item.kind === "compaction") visit(item.compaction.items);
      else if (item.kind === "branch") collectTurns(item.line, toolCalls, requests);
    }
  };
  visit(line.items);
}

function turnData(turn: TurnModel, conversation: string): Record<string, unknown> {
  const message = turn.response?.message;
  return {
    seq: turn.seq,
    turn: turn.number,
    conversation,
    model: fieldOf(turn.request, "model"),
    messages: messagesOf(turn.request).length,
    kept: turn.growth.kept,
    rewritten: turn.growth.rewritten,
    ...(turn.growth.systemChanged ? { system: fieldOf(turn.request, "system") } : {}),
    ...(turn.growth.toolsChanged ? { tools: fieldOf(turn.request, "tools") } : {}),
    added: turn.added.map(({ message: added, replyOfTurn }) =>
      replyOfTurn === undefined ? added : { replyOfTurn },
    ),
    ...(message ? { reply: message.content, stop_reason: message.stop_reason, usage: message.usage } : {}),
    ...(turn.response?.error === undefined ? {} : { error: turn.response.error }),
  };
}
