// The loop with seams: queue → transformContext → callModel → tool calls → afterTurn, until it ends.
import type Anthropic from "@anthropic-ai/sdk";
import { type AskUser, askWithoutTerminal } from "@lcc/chapter-kit";
import { appendUserContent, partialAssistantMessage, unfinishedToolResults } from "@lcc/s01";
import { type CallModel, invalidToolInput, ModelAbortError, type SystemPrompt } from "./call-model.ts";
import { type DispatchToolCalls, sequentialDispatch } from "./dispatch.ts";
import type { AgentEvent, LoopEndReason } from "./events.ts";
import type { AfterTurnDecision, AgentHooks, AgentState, HookContext, Round, ToolCall } from "./hooks.ts";
import { type DrainScope, type MessageQueue, queuedBlocks } from "./message-queue.ts";
import type { ToolRegistry } from "./registry.ts";
import { INVALID_JSON, runToolCall } from "./tool-pipeline.ts";

export interface AgentLoopOptions {
  callModel: CallModel;
  /** A value, or a function read before every model call (lcc's /model). */
  model: string | (() => string);
  maxTokens: number;
  /** A value, or a function read before every model call. */
  system: SystemPrompt | (() => SystemPrompt);
  tools: ToolRegistry;
  workspace: string;
  hooks?: AgentHooks;
  /** Per-call hooks that child agents started by a tool inherit (given to tools in their context). */
  childHooks?: AgentHooks;
  /** How a round's tool calls run (default: one after another). */
  dispatch?: DispatchToolCalls;
  /** Messages that join the next model call (and keep the loop going when the model stops). */
  queue?: MessageQueue;
  /** How seams ask the user (default: refused, no terminal). */
  ask?: AskUser;
  /** Stop after this many model rounds (default: no limit). */
  maxTurns?: number;
  onEvent?: (event: AgentEvent) => void;
}

export interface LoopResult {
  reason: LoopEndReason;
  turns: number;
  error?: unknown;
  detail?: string;
}

/**
 * Runs model rounds until the model stops calling tools and no seam asks to go on. Never throws: a
 * failing model call ends the run with reason "error", a failing seam is contained, and every
 * agent_start gets its agent_end.
 */
export async function runAgentLoop(
  state: AgentState,
  options: AgentLoopOptions,
  signal: AbortSignal,
): Promise<LoopResult> {
  const emit = options.onEvent ?? (() => {});
  const hooks = options.hooks ?? {};
  const callModel = hooks.wrapCallModel?.(options.callModel) ?? options.callModel;
  const ask = options.ask ?? askWithoutTerminal;
  let turn = 0;
  const end = (reason: LoopEndReason, extra: { error?: unknown; detail?: string } = {}): LoopResult => {
    emit({ type: "agent_end", reason, ...extra });
    return { reason, turns: turn, ...extra };
  };
  emit({ type: "agent_start" });
  try {
    // Late tools (s19's MCP servers) join the registry before the first request; the wait ends on abort.
    if ((await untilAborted(options.tools.ready(signal), signal)) === "aborted") return end("aborted");
    while (true) {
      if (options.maxTurns !== undefined && turn >= options.maxTurns) return end("max_turns");
      turn += 1;
      const context: HookContext = { state, workspace: options.workspace, signal, turn, emit, ask };
      joinQueuedMessages(state, options.queue, emit, turn === 1 ? "all" : "running_turn");
      state.messages = await contained("transformContext", emit, state.messages, () =>
        hooks.transformContext?.(state.messages, context),
      );
      emit({ type: "turn_start", turn });
      const response = await streamAssistantResponse(state, options, callModel, signal, emit);
      if (response.kind === "aborted") return end("aborted");
      if (response.kind === "error") return end("error", { error: response.error });
      const { message } = response;
      // An empty reply is not stored: the API refuses an empty assistant message in the history.
      if (message.content.length > 0) state.messages.push({ role: "assistant", content: message.content });
      state.lastUsage = message.usage;
      emit({ type: "turn_end", turn, message });
      const stopReason = message.stop_reason ?? "end_turn";
      const calls = toolCallsOf(message);
      const wantsTools = stopReason === "tool_use" && calls.length > 0;
      // Cut off by max_tokens, a reply can end in a half-written tool_use: answered, never run.
      const results = wantsTools
        ? await runToolCalls(calls, options, hooks, context)
        : unfinishedToolResults(calls, stopReason);
      appendUserContent(state.messages, results);
      if (signal.aborted) return end("aborted");
      const round: Round = { message, stopReason, toolCalls: calls, results };
      const decision = await decideAfterTurn(round, hooks, context, options.queue);
      if (decision?.kind === "end")
        return end(decision.reason, decision.detail ? { detail: decision.detail } : {});
      if (decision?.kind === "continue") {
        emit({ type: "loop_continue", turn, reason: decision.reason });
        appendUserContent(state.messages, decision.content);
        continue;
      }
      if (!wantsTools) return end(stopReason as LoopEndReason);
    }
  } catch (error) {
    // Only a bug in the loop itself gets here; the run still ends with its agent_end.
    return end(signal.aborted ? "aborted" : "error", { error });
  }
}

/**
 * Drains the queue into the last user message (after any tool results), before the model call: the
 * run's first call takes everything, later calls leave `betweenTurns` messages for the next run.
 */
function joinQueuedMessages(
  state: AgentState,
  queue: MessageQueue | undefined,
  emit: (event: AgentEvent) => void,
  scope: DrainScope,
) {
  const queued = queue?.drain(scope) ?? [];
  if (queued.length === 0) return;
  appendUserContent(state.messages, queuedBlocks(queued));
  emit({ type: "queue_drained", sources: queued.map((message) => message.source) });
}

/** The hooks' decision; when they leave the default and the model stopped, messages still queued keep it going. */
async function decideAfterTurn(
  round: Round,
  hooks: AgentHooks,
  context: HookContext,
  queue: MessageQueue | undefined,
): Promise<AfterTurnDecision> {
  const decision = await contained("afterTurn", context.emit, undefined, () =>
    hooks.afterTurn?.(round, context),
  );
  if (decision) return decision;
  const stopped = round.stopReason !== "tool_use" || round.toolCalls.length === 0;
  if (stopped && queue && queue.size("running_turn") > 0) {
    const queued = queue.drain("running_turn");
    context.emit({ type: "queue_drained", sources: queued.map((message) => message.source) });
    return { kind: "continue", reason: "queued_messages", content: queuedBlocks(queued) };
  }
  return undefined;
}

function runToolCalls(calls: ToolCall[], options: AgentLoopOptions, hooks: AgentHooks, context: HookContext) {
  const pipeline = { registry: options.tools, hooks, childHooks: options.childHooks ?? {}, context };
  const dispatch = options.dispatch ?? sequentialDispatch;
  return dispatch(calls, (call) => runToolCall(call, pipeline), options.tools);
}

/** Waits for `promise`, or until `signal` aborts (then "aborted"). A rejection is thrown. */
async function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<"aborted" | undefined> {
  if (signal.aborted) return "aborted";
  let onAbort = () => {};
  const aborted = new Promise<"aborted">((resolve) => {
    onAbort = () => resolve("aborted");
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([promise.then(() => undefined), aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/** Runs a seam; if it throws, says so in a notice and goes on with `fallback`. */
async function contained<Value>(
  seam: string,
  emit: (event: AgentEvent) => void,
  fallback: Value,
  run: () => Value | undefined | Promise<Value | undefined>,
): Promise<Value> {
  try {
    return (await run()) ?? fallback;
  } catch (error) {
    const text = `${seam} failed and was skipped: ${error instanceof Error ? error.message : String(error)}`;
    emit({ type: "notice", source: "loop", level: "warn", text });
    return fallback;
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
  const request = {
    model: typeof options.model === "function" ? options.model() : options.model,
    max_tokens: options.maxTokens,
    system: typeof options.system === "function" ? options.system() : options.system,
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

/** The tool calls of a reply; a call whose input was not valid JSON carries a marker the pipeline refuses. */
function toolCallsOf(message: Anthropic.Message): ToolCall[] {
  return message.content.flatMap((block) => {
    if (block.type !== "tool_use") return [];
    const raw = invalidToolInput(block);
    return [
      { id: block.id, name: block.name, input: raw === undefined ? block.input : { [INVALID_JSON]: raw } },
    ];
  });
}
