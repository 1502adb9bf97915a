// Public surface of s02: the tool contract, the registry, the loop with its seams, the session core, the file tools.

export { baseSystemSections, createToolUseSetup, s02Chapter } from "./agent.ts";
export { type AgentLoopOptions, type LoopResult, runAgentLoop } from "./agent-loop.ts";
export {
  type AgentSetup,
  assembleSystemPrompt,
  type ConversationStart,
  emptySetup,
  extendSetup,
  type ResolvedSetup,
  resolveSetup,
  type SetupContext,
  type SystemSection,
  systemPromptText,
} from "./agent-setup.ts";
export { writeFileAtomic } from "./atomic-write.ts";
export {
  type CallModel,
  type CallModelOptions,
  createStreamingCallModel,
  invalidToolInput,
  ModelAbortError,
  type ModelRequest,
  type SystemPrompt,
} from "./call-model.ts";
export {
  type CommandContext,
  coreCommands,
  DEFAULT_CONTEXT_WINDOW,
  describeCommands,
  describeContext,
  parseSlashCommand,
  type SlashCommand,
} from "./commands.ts";
export { type DispatchToolCalls, sequentialDispatch } from "./dispatch.ts";
export { createEventHub, type EventHub } from "./event-hub.ts";
export type { AgentEvent, AgentEventMap, EmitEvent, LoopEndReason } from "./events.ts";
export {
  type AfterTurnDecision,
  type AgentHooks,
  type AgentState,
  type ContinueReason,
  type ContinueReasons,
  combineHooks,
  decidePhase,
  type HookContext,
  type Round,
  type ToolCall,
  type ToolCallDecision,
  type ToolTraits,
} from "./hooks.ts";
export {
  createMessageQueue,
  type DrainScope,
  type MessageQueue,
  type QueuedMessage,
  queuedBlocks,
} from "./message-queue.ts";
export { createToolRegistry, type LateTools, type ToolRegistry } from "./registry.ts";
export {
  type BuildSetup,
  createSessionAgent,
  endWarning,
  type SessionAgent,
  type SessionAgentOptions,
} from "./session-agent.ts";
export { type ClosableScope, createSessionScope, type SessionScope } from "./session-scope.ts";
export { createSetupContext } from "./setup-context.ts";
export { wrapSystemReminder } from "./system-reminder.ts";
export {
  createTerminalPrinter,
  type EventRenderer,
  type PrinterSource,
  renderWith,
  toolCallSummary,
} from "./terminal-printer.ts";
export {
  createToolContext,
  defineTool,
  normalizeResult,
  resultText,
  type Tool,
  type ToolContext,
  ToolError,
  type ToolResult,
  toApiTool,
} from "./tool.ts";
export {
  INTERRUPTED_MESSAGE,
  INVALID_JSON,
  type PipelineOptions,
  routeCall,
  runToolCall,
} from "./tool-pipeline.ts";
export { type BashDetails, createBashTool } from "./tools/bash.ts";
export { countOccurrences, createEditFileTool } from "./tools/edit-file.ts";
export { createReadFileTool, DEFAULT_READ_LIMIT } from "./tools/read-file.ts";
export { createWriteFileTool } from "./tools/write-file.ts";
export { type ValidationOutcome, validateToolInput } from "./validate-input.ts";
export { isInside, resolveInWorkspace } from "./workspace-path.ts";
