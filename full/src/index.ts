// Public surface of @lcc/full: the integrated setup, the session, the CLI runner and the product pieces.
// No side effects on import (the process entry is cli.ts).
export {
  type AgentSession,
  type AgentSessionOptions,
  createAgentSession,
  type TurnResult,
} from "./agent-session.ts";
export {
  createLccSetup,
  INTEGRATED_CHAPTER,
  type LccSetup,
  PRODUCT_SECTION,
  type ProductParts,
} from "./agent-setup.ts";
export { type OutputFormat, type ParsedArgs, parseArgs, type RunOptions } from "./args.ts";
export {
  cacheHitRate,
  createUsageTracker,
  estimateCost,
  PRICE_TABLE,
  priceOf,
  type TokenUsage,
  type UsageTracker,
} from "./cost.ts";
export { createDemoScript, type DemoModel, startDemoModel } from "./demo-model.ts";
export { buildResult, type HeadlessResult, runHeadless } from "./headless.ts";
export { EXIT_CODES, helpText } from "./help-text.ts";
export { type LccIo, runLcc } from "./run-lcc.ts";
export {
  createHistoryRecorder,
  createSessionLog,
  type SessionEntry,
  type SessionRecord,
} from "./session-log.ts";
export {
  findSession,
  listSessions,
  loadSession,
  repairInterruptedTurn,
  SessionReadError,
} from "./session-store.ts";
export { createProductCommands, describeMissingCommand, UPCOMING_COMMANDS } from "./slash-commands.ts";
export { VERSION } from "./version.ts";
