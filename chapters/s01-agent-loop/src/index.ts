// Public surface of s01: the loop, the bash tool (shell runner, output cap, deny-list) and the message
// helpers later chapters reuse. The chapter CLI, REPL, config and printing live in @lcc/chapter-kit.

export { buildSystemPrompt, maxTokensNotice, s01Chapter } from "./agent.ts";
export { type LoopEvent, type LoopOptions, runAgentLoop } from "./agent-loop.ts";
export { BASH_TOOL, type BashResult, describeShellRun, runBashTool } from "./bash-tool.ts";
export { capOutput, MAX_TOOL_OUTPUT_CHARS } from "./cap-output.ts";
export { deniedReason } from "./dangerous-commands.ts";
export {
  appendUserContent,
  type MessageParam,
  partialAssistantMessage,
  textOf,
  type UserContentBlock,
  unfinishedToolResults,
} from "./messages.ts";
export { type GroupGuard, guardProcessGroup, PIPE_GRACE_MS } from "./process-group.ts";
export {
  DEFAULT_SHELL_TIMEOUT_MS,
  HARNESS_SECRET_ENV_NAMES,
  type HandoffReason,
  MAX_SHELL_TIMEOUT_MS,
  type RunningCommand,
  runShell,
  type ShellHandoff,
  type ShellOptions,
  type ShellRun,
  userShell,
  withoutHarnessSecrets,
} from "./run-shell.ts";
