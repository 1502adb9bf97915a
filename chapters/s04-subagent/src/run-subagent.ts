// One subagent run: s02's loop again, on a fresh message list, with the type's prompt and a subset of the
// parent's tools. Its events stream out tagged with the parent's tool_use id; its transcript is saved.
import type { AskUser } from "@lcc/chapter-kit";
import { type MessageParam, textOf } from "@lcc/s01";
import {
  type AgentEvent,
  type AgentHooks,
  type AgentState,
  type CallModel,
  createToolRegistry,
  type EmitEvent,
  type LoopEndReason,
  runAgentLoop,
  type Tool,
} from "@lcc/s02";
import { type AgentType, buildChildSystem, selectChildTools } from "./agent-types.ts";
import "./subagent-events.ts";
import type { SubagentUsage } from "./subagent-events.ts";
import { writeSubagentTranscript } from "./transcript.ts";

/** Most model rounds a subagent may take before it is stopped. */
export const MAX_SUBAGENT_ROUNDS = 30;

/** What the parent side provides for every child: model access, where to work, where events go. */
export interface SubagentRuntime {
  callModel: CallModel;
  /** The parent's model; a type without its own model runs on it. A function is read at each call. */
  model: string | (() => string);
  maxTokens: number;
  workspace: string;
  env: NodeJS.ProcessEnv;
  emit: EmitEvent;
  /** The setup's childHooks: per-call hooks (prompt caching, saved outputs, later permissions) the child runs with. */
  hooks?: AgentHooks;
  /** How the child's tool calls ask the user (the parent's ask). */
  ask?: AskUser;
  maxRounds?: number;
}

export interface SubagentTask {
  type: AgentType;
  description: string;
  prompt: string;
  parentToolUseId: string;
  parentTools: readonly Tool[];
}

export interface SubagentOutcome {
  reason: LoopEndReason;
  /** Text of the child's last assistant message ("" when it has none): its answer when it ended normally. */
  finalText: string;
  usage: SubagentUsage;
  error?: unknown;
  transcriptPath?: string;
}

/** Runs the child to completion, abort or its round limit. Never throws; `signal` is the parent's own. */
export async function runSubagent(
  task: SubagentTask,
  runtime: SubagentRuntime,
  signal: AbortSignal,
): Promise<SubagentOutcome> {
  const { type, parentToolUseId } = task;
  const maxRounds = runtime.maxRounds ?? MAX_SUBAGENT_ROUNDS;
  const model = type.model ?? (typeof runtime.model === "function" ? runtime.model() : runtime.model);
  const selection = selectChildTools(type.tools, task.parentTools);
  const registry = createToolRegistry(selection.tools);
  const system = buildChildSystem(type, runtime.workspace, maxRounds);
  const state: AgentState = { messages: [{ role: "user", content: task.prompt }] };
  const usage: SubagentUsage = { rounds: 0, toolCalls: 0, inputTokens: 0, outputTokens: 0 };
  const startedAt = new Date().toISOString();
  const tag = { parentToolUseId, agentType: type.name };

  if (selection.missing.length > 0) {
    const text = `${type.name}: tools not available to this subagent: ${selection.missing.join(", ")}`;
    runtime.emit({ type: "notice", source: "agent", level: "warn", text });
  }
  runtime.emit({
    type: "subagent_start",
    ...tag,
    description: task.description,
    model,
    tools: registry.names(),
  });
  const onEvent = (event: AgentEvent) => {
    countUsage(usage, event);
    runtime.emit({ type: "subagent_event", ...tag, event });
  };
  const result = await runAgentLoop(
    state,
    {
      callModel: runtime.callModel,
      model,
      maxTokens: runtime.maxTokens,
      system,
      tools: registry,
      workspace: runtime.workspace,
      maxTurns: maxRounds,
      onEvent,
      ...(runtime.hooks ? { hooks: runtime.hooks } : {}),
      ...(runtime.ask ? { ask: runtime.ask } : {}),
    },
    signal,
  );

  const outcome: SubagentOutcome = { reason: result.reason, finalText: finalTextOf(state.messages), usage };
  if (result.error !== undefined) outcome.error = result.error;
  try {
    outcome.transcriptPath = await writeSubagentTranscript(runtime.workspace, runtime.env, {
      kind: "subagent",
      ...tag,
      description: task.description,
      model,
      system,
      tools: registry.names(),
      startedAt,
      endedAt: new Date().toISOString(),
      reason: result.reason,
      usage,
      messages: state.messages,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    runtime.emit({
      type: "notice",
      source: "agent",
      level: "warn",
      text: `Could not save the subagent transcript: ${message}`,
    });
  }
  runtime.emit({
    type: "subagent_end",
    ...tag,
    reason: result.reason,
    usage,
    ...(outcome.transcriptPath ? { transcriptPath: outcome.transcriptPath } : {}),
  });
  return outcome;
}

function countUsage(usage: SubagentUsage, event: AgentEvent): void {
  if (event.type === "tool_end") usage.toolCalls += 1;
  if (event.type !== "turn_end") return;
  const reported = event.message.usage;
  usage.rounds += 1;
  usage.inputTokens +=
    reported.input_tokens +
    (reported.cache_read_input_tokens ?? 0) +
    (reported.cache_creation_input_tokens ?? 0);
  usage.outputTokens += reported.output_tokens;
}

function finalTextOf(messages: readonly MessageParam[]): string {
  const last = messages.findLast((message) => message.role === "assistant");
  if (!last) return "";
  return typeof last.content === "string" ? last.content : textOf(last.content);
}
