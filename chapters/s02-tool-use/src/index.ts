// Public surface of s02: the tool contract, the registry, the loop with its seams, the file tools.

export { baseSystemSections, createToolUseSetup, s02Chapter } from "./agent.ts";
export { type AgentLoopOptions, type LoopResult, runAgentLoop } from "./agent-loop.ts";
export {
  type AgentSetup,
  extendSetup,
  type ResolvedSetup,
  resolveSetup,
  type SetupContext,
} from "./agent-setup.ts";
export { writeFileAtomic } from "./atomic-write.ts";
export {
  type CallModel,
  type CallModelOptions,
  createStreamingCallModel,
  ModelAbortError,
  type ModelRequest,
  type SystemPrompt,
} from "./call-model.ts";
export type { AgentEvent, AgentEventMap, EmitEvent, LoopEndReason } from "./events.ts";
export {
  type ExecuteOptions,
  executeToolCall,
  executeToolCalls,
  INTERRUPTED_MESSAGE,
} from "./execute-tool.ts";
export {
  type AgentHooks,
  type AgentState,
  type BeforeToolCallResult,
  combineHooks,
  type HookContext,
  type ToolCall,
} from "./hooks.ts";
export { createToolRegistry, type ToolRegistry } from "./registry.ts";
export {
  createSessionAgent,
  createTerminalPrinter,
  type SessionAgent,
  type SessionAgentOptions,
} from "./session-agent.ts";
export {
  defineTool,
  normalizeResult,
  resultText,
  type Tool,
  type ToolContext,
  ToolError,
  type ToolResult,
  toApiTool,
} from "./tool.ts";
export { createBashTool } from "./tools/bash.ts";
export { countOccurrences, createEditFileTool } from "./tools/edit-file.ts";
export { createReadFileTool, DEFAULT_READ_LIMIT } from "./tools/read-file.ts";
export { createWriteFileTool } from "./tools/write-file.ts";
export { type ValidationOutcome, validateToolInput } from "./validate-input.ts";
export { isInside, resolveInWorkspace } from "./workspace-path.ts";
