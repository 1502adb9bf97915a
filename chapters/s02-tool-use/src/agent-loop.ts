// The loop with seams: transformContext → callModel → executeToolCalls, until no tool_use remains.
import type Anthropic from "@anthropic-ai/sdk";
import { appendUserContent, partialAssistantMessage, unfinishedToolResults } from "@lcc/s01";
import { type CallModel, ModelAbortError, type SystemPrompt } from "./call-model.ts";
import type { AgentEvent, LoopEndReason } from "./events.ts";
import { executeToolCalls } from "./execute-tool.ts";
import type { AgentHooks, AgentState, HookContext, ToolCall } from "./hooks.ts";
import type { ToolRegistry } from "./registry.ts";

export interface AgentLoopOptions {
  callModel: CallModel;
  model: string;
  maxTokens: number;
  /** A value, or a function read before every model call. */
  system: SystemPrompt | (() => SystemPrompt);
  tools: ToolRegistry;
  workspace: string;
  hooks?: AgentHooks;
  /** Stop after this many model rounds (default: no limit). */
  maxTurns?: number;
  onEvent?: (event: AgentEvent) => void;
}

export interface LoopResult {
  reason: LoopEndReason;
  turns: number;
  error?: unknown;
}

/** Runs model rounds until the model stops calling tools. Never throws for model or tool failures. */
export async function runAgentLoop(
  state: AgentState,
  options: AgentLoopOptions,
  signal: AbortSignal,
): Promise<LoopResult> {
  const emit = options.onEvent ?? (() => {});
  const hooks = options.hooks ?? {};
  const callModel = hooks.wrapCallModel?.(options.callModel) ?? options.callModel;
  const end = (reason: LoopEndReason, turns: number, error?: unknown): LoopResult => {
    emit(error === undefined ? { type: "agent_end", reason } : { type: "agent_end", reason, error });
    return error === undefined ? { reason, turns } : { reason, turns, error };
  };
  emit({ type: "agent_start" });
  for (let turn = 1; ; turn++) {
    if (options.maxTurns !== undefined && turn > options.maxTurns) return end("max_turns", turn - 1);
    const context: HookContext = { state, workspace: options.workspace, signal, turn, emit };
    if (hooks.transformContext) state.messages = await hooks.transformContext(state.messages, context);
    emit({ type: "turn_start", turn });
    const response = await streamAssistantResponse(state, options, callModel, signal, emit);
    if (response.kind === "aborted") return end("aborted", turn);
    if (response.kind === "error") return end("error", turn, response.error);
    const message = response.message;
    // An empty reply is not stored: the API refuses an empty assistant message in the history.
    if (message.content.length > 0) state.messages.push({ role: "assistant", content: message.content });
    state.lastUsage = message.usage;
    emit({ type: "turn_end", turn, message });
    const reason = message.stop_reason ?? "end_turn";
    const calls = toolCallsOf(message);
    if (reason !== "tool_use" || calls.length === 0) {
      // Cut off by max_tokens, a reply can end in a half-written tool_use: answered, never run.
      appendUserContent(state.messages, unfinishedToolResults(calls, reason));
      return end(reason, turn);
    }
    const results = await executeToolCalls(calls, { registry: options.tools, hooks, context });
    appendUserContent(state.messages, results);
    if (signal.aborted) return end("aborted", turn);
  }
}

type Response =
  | { kind: "message"; message: Anthropic.Message }
  | { kind: "aborted" }
  | { kind: "error"; error: unknown };

async function streamAssistantResponse(
  state: AgentState,
  options: AgentLoopOptions,
  callModel: CallModel,
  signal: AbortSignal,
  emit: (event: AgentEvent) => void,
): Promise<Response> {
  const system = typeof options.system === "function" ? options.system() : options.system;
  const request = {
    model: options.model,
    max_tokens: options.maxTokens,
    system,
    tools: options.tools.apiTools(),
  };
  try {
    const onTextDelta = (text: string) => emit({ type: "text_delta", text });
    const message = await callModel({ ...request, messages: state.messages }, { signal, onTextDelta });
    return { kind: "message", message };
  } catch (error) {
    if (!signal.aborted) return { kind: "error", error };
    const partial = partialAssistantMessage(error instanceof ModelAbortError ? error.partial : undefined);
    if (partial) state.messages.push(partial);
    return { kind: "aborted" };
  }
}

function toolCallsOf(message: Anthropic.Message): ToolCall[] {
  return message.content.flatMap((block) =>
    block.type === "tool_use" ? [{ id: block.id, name: block.name, input: block.input }] : [],
  );
}
