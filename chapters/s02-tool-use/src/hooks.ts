// The seams: where later capabilities plug into the loop without rewriting it. Each is optional.
// Contracts: every seam may throw; the loop contains the failure (a notice, or an is_error result for a
// tool call) and goes on, so the loop itself never throws. Every seam gets the turn's AbortSignal in
// its context and should stop early when it aborts; the loop checks the signal after each seam.
import type Anthropic from "@anthropic-ai/sdk";
import type { AskUser } from "@lcc/chapter-kit";
import type { MessageParam, UserContentBlock } from "@lcc/s01";
import type { CallModel } from "./call-model.ts";
import type { EmitEvent, LoopEndReason } from "./events.ts";
import type { Tool, ToolResult } from "./tool.ts";

/** Conversation state owned by the caller and updated by the loop. */
export interface AgentState {
  messages: MessageParam[];
  /** Usage the API reported for the most recent request (drives compaction later). */
  lastUsage?: Anthropic.Usage;
}

/** What a per-call seam may know about the tool being called: its name and metadata, never its code. */
export type ToolTraits = Pick<Tool, "name" | "readOnly" | "shellCommand" | "ownStateOnly">;

export interface HookContext {
  state: AgentState;
  workspace: string;
  /**
   * The called tool's traits, in the per-call phases only (preToolUse … shapeResult): s07 reads
   * `readOnly`, `shellCommand` and `ownStateOnly` here, so tools added after s07 are judged by their metadata.
   */
  tool?: ToolTraits;
  signal: AbortSignal;
  /** 1-based model round within the current run of the loop. */
  turn: number;
  emit: EmitEvent;
  /** Asks the user a question (a refusal without a terminal). */
  ask: AskUser;
}

export interface ToolCall {
  id: string;
  name: string;
  input: unknown;
}

/**
 * What a PreToolUse hook or a permission check says about one call. Undefined: no opinion.
 * `allow`/`ask` may carry a rewritten `input` (a hook's updatedInput); `rewrite` changes the input
 * without an opinion on permission. When several speak in one phase: the first deny ends it, rewrites
 * chain (each hook sees the last input), ask beats allow. `source` names who decided (user, trace).
 */
export type ToolCallDecision =
  | {
      kind: "allow" | "ask";
      reason?: string;
      source?: string;
      input?: unknown;
      /** Folders outside the workspace this one call may touch (a permission check granted them, s07). */
      roots?: readonly string[];
    }
  | { kind: "deny"; reason: string; source?: string }
  | { kind: "rewrite"; input: unknown; reason?: string; source?: string }
  | undefined;

/** A finished round: the assistant message, and the results of its tool calls (empty when it asked for none). */
export interface Round {
  message: Anthropic.Message;
  stopReason: string;
  toolCalls: readonly ToolCall[];
  results: readonly Anthropic.ToolResultBlockParam[];
}

/**
 * Why the loop goes on after the model stopped. Chapters add reasons by augmenting this interface
 * (`declare module "@lcc/s02" { interface ContinueReasons { stop_hook: true } }`).
 */
export interface ContinueReasons {
  /** Messages were queued while the model worked (message-queue.ts). */
  queued_messages: true;
}
export type ContinueReason = keyof ContinueReasons;

/**
 * The after-turn decision. Undefined keeps the default: go on while the model asks for tools, end
 * when it stops. `continue` adds `content` (a user message, or text after the round's tool results)
 * and calls the model again; `end` stops now with `reason` (every tool call is already answered).
 */
export type AfterTurnDecision =
  | { kind: "continue"; reason: ContinueReason; content: string | UserContentBlock[] }
  | { kind: "end"; reason: LoopEndReason; detail?: string }
  | undefined;

/**
 * The seams, in the order a round meets them:
 * transformContext → wrapCallModel → (per tool call: preToolUse → permission → run → postToolUse →
 * shapeResult) → afterTurn. tool-pipeline.ts runs the per-call phases in that one visible order.
 */
export interface AgentHooks {
  /** Before each model call. The returned array becomes the history (compaction, reminders). */
  transformContext?(messages: MessageParam[], context: HookContext): MessageParam[] | Promise<MessageParam[]>;
  /** Wraps the model call (prompt caching, metering, error recovery). The outermost wrapper is the first hook's. */
  wrapCallModel?(next: CallModel): CallModel;
  /** Phase 2, after validation: PreToolUse hooks (s08). May allow, ask, deny or rewrite the input. */
  preToolUse?(call: ToolCall, context: HookContext): ToolCallDecision | Promise<ToolCallDecision>;
  /**
   * Phase 3: the permission check (s07). `earlier` is what phase 2 decided (allow or ask, or undefined);
   * a permission check may override an earlier allow with deny — a hook's allow never beats a deny rule.
   */
  permission?(
    call: ToolCall,
    context: HookContext,
    earlier: ToolCallDecision,
  ): ToolCallDecision | Promise<ToolCallDecision>;
  /** Phase 5, after the tool ran (or failed): PostToolUse hooks, bookkeeping. Returns the result to keep. */
  postToolUse?(call: ToolCall, result: ToolResult, context: HookContext): ToolResult | Promise<ToolResult>;
  /** Phase 6: shapes what the model reads (saving long output to a file). The loop caps the text after it. */
  shapeResult?(call: ToolCall, result: ToolResult, context: HookContext): ToolResult | Promise<ToolResult>;
  /** After each round: continue, end, or leave the default (see AfterTurnDecision). */
  afterTurn?(round: Round, context: HookContext): AfterTurnDecision | Promise<AfterTurnDecision>;
}

type DecisionHook = (call: ToolCall) => ToolCallDecision | Promise<ToolCallDecision>;

/**
 * Runs one phase's hooks in order and merges their answers as ToolCallDecision says. The result carries
 * the final input when any hook changed it.
 */
export async function decidePhase(call: ToolCall, hooks: readonly DecisionHook[]): Promise<ToolCallDecision> {
  let input = call.input;
  let rewritten = false;
  let verdict: Extract<ToolCallDecision, { kind: "allow" | "ask" }> | undefined;
  for (const hook of hooks) {
    const decision = await hook({ ...call, input });
    if (!decision) continue;
    if (decision.kind === "deny") return decision;
    if (decision.kind === "rewrite" || decision.input !== undefined) {
      input = decision.input;
      rewritten = true;
    }
    if (
      decision.kind !== "rewrite" &&
      (verdict === undefined || (verdict.kind === "allow" && decision.kind === "ask"))
    )
      verdict = decision;
  }
  if (verdict) return rewritten ? { ...verdict, input } : verdict;
  return rewritten ? { kind: "rewrite", input } : undefined;
}

/**
 * Composes hooks in order: transforms and result hooks chain, decision phases merge as decidePhase
 * says, model wrappers nest with the first one outermost, and the first afterTurn that decides wins.
 */
export function combineHooks(...list: AgentHooks[]): AgentHooks {
  return {
    async transformContext(messages, context) {
      let current = messages;
      for (const hooks of list)
        if (hooks.transformContext) current = await hooks.transformContext(current, context);
      return current;
    },
    wrapCallModel(next) {
      return list.reduceRight((inner, hooks) => hooks.wrapCallModel?.(inner) ?? inner, next);
    },
    preToolUse(call, context) {
      const phase = list.flatMap((hooks) => (hooks.preToolUse ? [hooks.preToolUse.bind(hooks)] : []));
      return decidePhase(
        call,
        phase.map((hook) => (current: ToolCall) => hook(current, context)),
      );
    },
    permission(call, context, earlier) {
      const phase = list.flatMap((hooks) => (hooks.permission ? [hooks.permission.bind(hooks)] : []));
      return decidePhase(
        call,
        phase.map((hook) => (current: ToolCall) => hook(current, context, earlier)),
      );
    },
    async postToolUse(call, result, context) {
      let current = result;
      for (const hooks of list)
        if (hooks.postToolUse) current = await hooks.postToolUse(call, current, context);
      return current;
    },
    async shapeResult(call, result, context) {
      let current = result;
      for (const hooks of list)
        if (hooks.shapeResult) current = await hooks.shapeResult(call, current, context);
      return current;
    },
    async afterTurn(round, context) {
      for (const hooks of list) {
        const decision = await hooks.afterTurn?.(round, context);
        if (decision) return decision;
      }
      return undefined;
    },
  };
}
