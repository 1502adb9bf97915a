// The events s06 adds to the shared union: one start/end pair per compaction, full or micro.
import "@lcc/s02";

/** What started a compaction: the context size, the user's /compact, or the model's compact tool. */
export type CompactTrigger = "auto" | "manual" | "tool";

/** "full" replaces the history with a summary; "micro" clears old tool results in place. */
export type CompactionKind = "full" | "micro";

declare module "@lcc/s02" {
  interface AgentEventMap {
    compaction_start: { kind: CompactionKind; trigger: CompactTrigger; contextTokens?: number };
    compaction_end: {
      kind: CompactionKind;
      trigger: CompactTrigger;
      ok: boolean;
      contextTokens?: number;
      /** Full: where the history was saved before it was replaced. */
      transcriptPath?: string;
      summaryChars?: number;
      /** Micro: how many results became placeholders and the characters that freed. */
      clearedResults?: number;
      freedChars?: number;
      error?: string;
    };
  }
}
