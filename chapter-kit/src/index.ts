// Public surface of @lcc/chapter-kit: the plumbing every chapter uses and no chapter teaches (the
// chapter CLI, REPL, config, printing). No chapter logic lives here, and nothing here imports a chapter.

export {
  type AskAnswer,
  type AskChannel,
  type AskChoice,
  type AskRequest,
  type AskUser,
  askWithoutTerminal,
  createAskChannel,
  parseAskAnswer,
} from "./ask.ts";
export {
  type Chapter,
  type ChapterAgent,
  type ChapterContext,
  type ChapterIo,
  type ChapterMainOptions,
  type DemoScenario,
  processIo,
  runChapterDemo,
  runChapterMain,
  runScenario,
  type ScenarioRun,
} from "./chapter-cli.ts";
export { compareText } from "./compare-text.ts";
export {
  createModelClient,
  DEFAULT_MAX_TOKENS,
  DEFAULT_MODEL,
  hasCredentials,
  loadDotenv,
  type ModelClientOptions,
  type ModelConfig,
  maxRetryWaitFromEnv,
  noKeyBanner,
  readModelConfig,
} from "./config.ts";
export { countOf, formatCount } from "./format-count.ts";
export { createLineWriter, type LineWriter } from "./line-writer.ts";
export { ModelClient } from "./model-client.ts";
export { createMutableOutput, type MutableOutput } from "./mutable-output.ts";
export {
  acquireOwnerLock,
  DEFAULT_LOCK_WAIT_MS,
  describeOwner,
  LockHeldError,
  type LockOwner,
  type OwnerLock,
  withOwnerLock,
} from "./owner-lock.ts";
export { createEventPrinter, type PrintableEvent, summarizeInput, summarizeOutput } from "./print-events.ts";
export {
  type ConfigFileRead,
  type ConfigFileSkip,
  DEFAULT_CONFIG_FILE_MAX_BYTES,
  formatByteSize,
  type ReadConfigFileOptions,
  readConfigFile,
  readConfigFileSync,
} from "./read-config-file.ts";
export { describeQuestion, type ReplKey, type ReplOptions, runRepl } from "./repl.ts";
export {
  createRetryWaitFetch,
  DEFAULT_MAX_RETRY_WAIT_MS,
  type HeaderLookup,
  requestedWaitMs,
} from "./retry-wait-fetch.ts";
// Tracing (LCC_TRACE=<file>, lcc --trace <file>): see trace/trace-format.ts for the file format.
export { type ParsedTrace, parseTrace, type TraceProblem } from "./trace/parse-trace.ts";
export { measureRequestGrowth, type RequestGrowth } from "./trace/request-growth.ts";
export { type StartTracingOptions, startTracing, type Tracing } from "./trace/start-tracing.ts";
export { createTraceEventListener, type TraceableEvent } from "./trace/trace-event-listener.ts";
export {
  TRACE_FORMAT_VERSION,
  TRACED_EVENT_TYPES,
  type TraceContentBlock,
  type TraceEventRecord,
  type TraceMessage,
  type TraceRecord,
  type TraceRequestRecord,
  type TraceResponseRecord,
  type TraceStartRecord,
  type TraceToolRecord,
  type TraceUsage,
} from "./trace/trace-format.ts";
export {
  createTraceRecorder,
  type TraceRecorder,
  type TraceRecorderOptions,
} from "./trace/trace-recorder.ts";
export { createTracingFetch, type Fetch, type TracingFetch } from "./trace/tracing-fetch.ts";
export { resolveWorkspace, WorkspaceError } from "./workspace.ts";
export { wrapWords } from "./wrap-words.ts";
