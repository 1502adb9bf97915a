// s04's events: a subagent's start and end, and every event of its loop wrapped with the parent's
// tool_use id, so the UI, logs and tests see inside the child. Added by augmenting s02's AgentEventMap.
import type { AgentEvent, LoopEndReason } from "@lcc/s02";

/** What a subagent run cost, from the usage the API reported for each of its requests. */
export interface SubagentUsage {
  rounds: number;
  toolCalls: number;
  /** Input tokens including cache reads and cache writes. */
  inputTokens: number;
  outputTokens: number;
}

declare module "@lcc/s02" {
  interface AgentEventMap {
    subagent_start: {
      parentToolUseId: string;
      agentType: string;
      description: string;
      model: string;
      /** The tools the child can call. */
      tools: string[];
    };
    /** One event of the child's loop, unchanged, tagged with the agent tool call that started it. */
    subagent_event: { parentToolUseId: string; agentType: string; event: AgentEvent };
    subagent_end: {
      parentToolUseId: string;
      agentType: string;
      reason: LoopEndReason;
      usage: SubagentUsage;
      /** Absolute path of the child's transcript, when it could be written. */
      transcriptPath?: string;
    };
  }
}
