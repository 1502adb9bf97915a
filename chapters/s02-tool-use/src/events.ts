// The event stream: one discriminated union with start/end pairs, consumed by UI, logs and tests.
import type Anthropic from "@anthropic-ai/sdk";

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
  | "error";

/**
 * Event name → payload. Later chapters add their own events by augmenting this interface
 * (`declare module "@lcc/s02" { interface AgentEventMap { … } }`), so every package shares one union.
 */
export interface AgentEventMap {
  agent_start: Record<never, never>;
  agent_end: { reason: LoopEndReason; error?: unknown };
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
    details?: unknown;
    durationMs: number;
  };
  /** A one-line message for the user from a capability (a reminder injected, a compaction, a warning). */
  notice: { source: string; text: string; level?: "info" | "warn" };
}

export type AgentEvent = {
  [Type in keyof AgentEventMap]: { type: Type } & AgentEventMap[Type];
}[keyof AgentEventMap];

export type EmitEvent = (event: AgentEvent) => void;
