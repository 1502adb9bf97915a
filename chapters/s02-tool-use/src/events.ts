// The event stream: one discriminated union with start/end pairs, consumed by UI, logs and tests.
import type Anthropic from "@anthropic-ai/sdk";
import type { ContinueReason } from "./hooks.ts";

/** Why a run of the loop ended. */
export type LoopEndReason =
  | "end_turn"
  | "stop_sequence"
  | "max_tokens"
  | "refusal"
  | "pause_turn"
  | "tool_use"
  | "model_context_window_exceeded"
  | "aborted"
  | "max_turns"
  /** An afterTurn hook ended the run (a doom loop, a hook's stop); agent_end's `detail` says why. */
  | "stopped"
  | "error";

/**
 * Event name → payload. Later chapters add their own events by augmenting this interface
 * (`declare module "@lcc/s02" { interface AgentEventMap { … } }`), so every package shares one union.
 */
export interface AgentEventMap {
  agent_start: Record<never, never>;
  agent_end: { reason: LoopEndReason; error?: unknown; detail?: string };
  turn_start: { turn: number };
  turn_end: { turn: number; message: Anthropic.Message };
  text_delta: { text: string };
  tool_start: { id: string; name: string; input: unknown };
  tool_end: {
    id: string;
    name: string;
    input: unknown;
    /** The text the model reads (already capped). */
    output: string;
    isError: boolean;
    /** The user's abort cut the call short (or it never started). */
    interrupted: boolean;
    details?: unknown;
    durationMs: number;
  };
  /** A PreToolUse hook or permission check spoke about a call (deny, ask, rewrite, allow). */
  tool_decision: {
    id: string;
    name: string;
    phase: "pre_tool_use" | "permission";
    decision: "allow" | "ask" | "deny" | "rewrite";
    reason?: string;
    source?: string;
  };
  /** The model stopped but the loop goes on (an afterTurn decision or queued messages). */
  loop_continue: { turn: number; reason: ContinueReason };
  /** Queued messages joined the next model call. */
  queue_drained: { sources: string[] };
  /** A one-line message for the user from a capability (a reminder injected, a compaction, a warning). */
  notice: { source: string; text: string; level?: "info" | "warn" };
}

export type AgentEvent = {
  [Type in keyof AgentEventMap]: { type: Type } & AgentEventMap[Type];
}[keyof AgentEventMap];

export type EmitEvent = (event: AgentEvent) => void;
