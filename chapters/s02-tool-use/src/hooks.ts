// The seams: where later capabilities plug into the loop without rewriting it.
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@lcc/s01";
import type { CallModel } from "./call-model.ts";
import type { EmitEvent } from "./events.ts";
import type { ToolResult } from "./tool.ts";

/** Conversation state owned by the caller and updated by the loop. */
export interface AgentState {
  messages: MessageParam[];
  /** Usage the API reported for the most recent request (drives compaction later). */
  lastUsage?: Anthropic.Usage;
}

export interface HookContext {
  state: AgentState;
  workspace: string;
  signal: AbortSignal;
  /** 1-based model round within the current run of the loop. */
  turn: number;
  emit: EmitEvent;
}

export interface ToolCall {
  id: string;
  name: string;
  input: unknown;
}

/** Block the call with a reason the model reads, or rewrite its input (revalidated before run). */
export type BeforeToolCallResult =
  | { kind: "block"; reason: string }
  | { kind: "rewrite"; input: unknown }
  | undefined;

export interface AgentHooks {
  /** Before each model call. The returned array becomes the history (compaction, reminders). */
  transformContext?(messages: MessageParam[], context: HookContext): MessageParam[] | Promise<MessageParam[]>;
  /** After validation, before run (permissions, PreToolUse hooks). */
  beforeToolCall?(call: ToolCall, context: HookContext): BeforeToolCallResult | Promise<BeforeToolCallResult>;
  /** After run, before the output is capped (PostToolUse hooks, saving large outputs). */
  afterToolCall?(call: ToolCall, result: ToolResult, context: HookContext): ToolResult | Promise<ToolResult>;
  /** Wraps the model call (error recovery). */
  wrapCallModel?(next: CallModel): CallModel;
}

/**
 * Composes hooks in order: transforms and after-hooks chain, the first block wins and rewrites feed
 * the next hook, model wrappers nest with the first one outermost.
 */
export function combineHooks(...list: AgentHooks[]): AgentHooks {
  return {
    async transformContext(messages, context) {
      let current = messages;
      for (const hooks of list)
        if (hooks.transformContext) current = await hooks.transformContext(current, context);
      return current;
    },
    async beforeToolCall(call, context) {
      let current = call;
      let rewritten = false;
      for (const hooks of list) {
        const outcome = await hooks.beforeToolCall?.(current, context);
        if (outcome?.kind === "block") return outcome;
        if (outcome?.kind === "rewrite") {
          current = { ...current, input: outcome.input };
          rewritten = true;
        }
      }
      return rewritten ? { kind: "rewrite", input: current.input } : undefined;
    },
    async afterToolCall(call, result, context) {
      let current = result;
      for (const hooks of list)
        if (hooks.afterToolCall) current = await hooks.afterToolCall(call, current, context);
      return current;
    },
    wrapCallModel(next) {
      return list.reduceRight((inner, hooks) => hooks.wrapCallModel?.(inner) ?? inner, next);
    },
  };
}
