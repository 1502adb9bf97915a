// Public surface of s01: the loop, the shell runner and the chapter shell later chapters reuse.

export { buildSystemPrompt, maxTokensNotice, s01Chapter } from "./agent.ts";
export { type LoopEvent, type LoopOptions, runAgentLoop } from "./agent-loop.ts";
export { BASH_TOOL, type BashResult, describeShellRun, runBashTool } from "./bash-tool.ts";
export { capOutput, MAX_TOOL_OUTPUT_CHARS } from "./cap-output.ts";
export {
  type Chapter,
  type ChapterAgent,
  type ChapterContext,
  type ChapterIo,
  type DemoScenario,
  processIo,
  runChapterDemo,
  runChapterMain,
  runScenario,
  type ScenarioRun,
} from "./chapter-cli.ts";
export {
  createModelClient,
  DEFAULT_MAX_TOKENS,
  DEFAULT_MODEL,
  hasCredentials,
  loadDotenv,
  type ModelConfig,
  missingKeyMessage,
  readModelConfig,
} from "./config.ts";
export { deniedReason } from "./dangerous-commands.ts";
export { formatCount } from "./format-count.ts";
export { createLineWriter, type LineWriter } from "./line-writer.ts";
export {
  appendUserContent,
  type MessageParam,
  partialAssistantMessage,
  textOf,
  type UserContentBlock,
  unfinishedToolResults,
} from "./messages.ts";
export { createEventPrinter, type PrintableEvent, summarizeInput, summarizeOutput } from "./print-events.ts";
export { type ReplOptions, runRepl } from "./repl.ts";
export {
  DEFAULT_SHELL_TIMEOUT_MS,
  MAX_SHELL_TIMEOUT_MS,
  runShell,
  type ShellOptions,
  type ShellRun,
  userShell,
} from "./run-shell.ts";
export { resolveWorkspace, WorkspaceError } from "./workspace.ts";
