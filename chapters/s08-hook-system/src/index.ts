// Public surface of s08: command hooks from the settings files, the runner, the seams they plug into, the chapter.
import "./hook-events.ts";

export {
  createHookedChapter,
  createHookSetup,
  createS08Chapter,
  type HookSetup,
  type HookSetupOptions,
  type S08Chapter,
  s08Chapter,
} from "./agent.ts";
export { type BaseOptions, type BaseSetup, createBaseSetup } from "./base-setup.ts";
export { claudeToolName, hookToolInput, inputFromHook } from "./claude-tool-names.ts";
export {
  type CommandHook,
  DEFAULT_HOOK_TIMEOUT_SECONDS,
  HOOK_EVENTS,
  type HookEventName,
  type ParsedHooks,
  parseHooks,
  type SettingsFile,
  type SettingsScope,
} from "./hook-config.ts";
export type { HookRunResult } from "./hook-events.ts";
export { collectFeedback, type HookFeedback, systemReminder } from "./hook-feedback.ts";
export { matchesHook } from "./hook-matcher.ts";
export { type HookOutcome, type HookOutput, parseHookOutput, readHookOutcome } from "./hook-outcome.ts";
export { describeHookEvent, renderHookEvents } from "./hook-renderer.ts";
export { createHookRunner, type FiredHook, type FireRequest, type HookRunner } from "./hook-runner.ts";
export { createHookTranscript, transcriptLines } from "./hook-transcript.ts";
export { createHooksCommand, describeHooks } from "./hooks-command.ts";
export { createNotifyingAsk } from "./notification-hooks.ts";
export { createPromptHooks, type PromptHooks, promptOf } from "./prompt-hooks.ts";
export {
  HOOK_OUTPUT_MAX_CHARS,
  type HookCommandOptions,
  type HookCommandRun,
  runHookCommand,
} from "./run-hook-command.ts";
export { createS08Scenario, DEMO_SETTINGS, s08DemoOptions } from "./scenario.ts";
export { createStopHooks, MAX_STOP_BLOCKS } from "./stop-hooks.ts";
export { createToolHooks, decideCall } from "./tool-hooks.ts";
export { createTurnStops, type TurnStops } from "./turn-stops.ts";
export {
  createTrustGate,
  isWorkspaceTrusted,
  rememberTrustedWorkspace,
  trustFilePath,
} from "./workspace-trust.ts";
