// Public surface of s06: the four levers, the compaction manager, prompt caching and the chapter.
import "./compaction-events.ts";

export {
  type CompactSetup,
  contextSection,
  createCompactCommand,
  createCompactSetup,
  createS06Chapter,
  FULL_OUTPUT_MAX_CHARS,
  s06Chapter,
} from "./agent.ts";
export {
  type CompactOptions,
  compactOptionsFromEnv,
  DEFAULT_AUTO_COMPACT_RATIO,
  DEFAULT_CONTEXT_WINDOW,
  DEFAULT_MICRO_COMPACT_MIN_SAVED_RATIO,
  DEFAULT_MICRO_COMPACT_RATIO,
  reportedContextTokens,
  resolveCompactOptions,
} from "./compact-options.ts";
export { compactInput, createCompactTool } from "./compact-tool.ts";
export {
  budgetUserMessages,
  buildCompactedHistory,
  type CompactedHistoryInput,
  collectUserMessages,
  type RecentFile,
  USER_MESSAGE_MAX_CHARS,
  USER_MESSAGES_MAX_CHARS,
} from "./compacted-history.ts";
export type { CompactionKind, CompactTrigger } from "./compaction-events.ts";
export {
  type CompactionManager,
  type CompactionManagerOptions,
  type CompactionStatus,
  type CompactOutcome,
  type CompactRequest,
  createCompactionManager,
  KEEP_TOOL_RESULTS,
  NOTHING_TO_COMPACT,
} from "./compaction-manager.ts";
export { describeCompactionEvent, renderCompactionEvents } from "./compaction-renderer.ts";
export {
  buildLargeOutputPreview,
  createLargeOutputHook,
  type LargeOutputOptions,
  PREVIEW_HEAD_CHARS,
  PREVIEW_TAIL_CHARS,
  type SavedOutput,
} from "./large-output.ts";
export {
  type ClearedResult,
  type MicroCompaction,
  type MicroCompactOptions,
  microCompact,
  PLACEHOLDER_PREFIX,
  placeholderFor,
} from "./micro-compact.ts";
export {
  addCacheBreakpoints,
  countBreakpoints,
  MAX_CACHE_BREAKPOINTS,
  withPromptCaching,
} from "./prompt-caching.ts";
export { createS06Scenario, s06DemoOptions } from "./scenario.ts";
export {
  buildSummaryInstruction,
  isSummaryRequest,
  SUMMARY_REQUEST_TAG,
  SUMMARY_SECTIONS,
  summaryTextOf,
  withSummaryInstruction,
} from "./summary-request.ts";
export { createTouchedFiles, FILE_TOOLS, type TouchedFiles } from "./touched-files.ts";
export { saveTranscript } from "./transcript.ts";
