// Public surface of @lcc/full: the integrated setup, the session, the CLI runner and the product pieces.
// No side effects on import (the process entry is cli.ts).

export { type OutputFormat, type ParsedArgs, parseArgs, type RunOptions } from "./cli/args.ts";
export { EXIT_CODES, helpText } from "./cli/help-text.ts";
export { type LccIo, runLcc } from "./cli/run-lcc.ts";
export { VERSION } from "./cli/version.ts";
export { createDemoScript, type DemoModel, startDemoModel } from "./demo/demo-model.ts";
export {
  createFullSetup,
  type FullSetup,
  INTEGRATED_CHAPTER,
  PRODUCT_SECTION,
  type ProductParts,
} from "./full-setup.ts";
export { buildResult, type HeadlessResult, runHeadless } from "./headless/headless.ts";
export {
  type AgentSession,
  type AgentSessionOptions,
  createAgentSession,
  type TurnResult,
} from "./session/agent-session.ts";
export {
  cacheHitRate,
  createUsageTracker,
  estimateCost,
  PRICE_TABLE,
  priceOf,
  type TokenUsage,
  type UsageTracker,
} from "./session/cost.ts";
export {
  createHistoryRecorder,
  createSessionLog,
  type SessionEntry,
  type SessionRecord,
} from "./session/session-log.ts";
export {
  findSession,
  listSessions,
  loadSession,
  repairInterruptedTurn,
  SessionReadError,
} from "./session/session-store.ts";
export {
  createProductCommands,
  describeMissingCommand,
} from "./terminal/slash-commands.ts";
