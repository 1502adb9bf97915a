// Public surface of s10: the prompt as ordered named sections (instruction files, environment), the
// cache breakpoint, per-turn reminders, /prompt and describePrompt (lcc's --print-prompt), the chapter.
import "./reminder-events.ts";

export { createPromptSetup, createS10Chapter, type PromptSetup, type PromptSetupOptions } from "./agent.ts";
export {
  COUNT_TOKENS_TIMEOUT_MS,
  type DescribePromptOptions,
  describePrompt,
  estimateTokens,
  formatPromptDescription,
  type PromptDescription,
  type SectionDescription,
  type TokenSize,
} from "./describe-prompt.ts";
export {
  ENVIRONMENT_SECTION,
  type EnvironmentFacts,
  environmentFacts,
  environmentSection,
  formatDate,
} from "./environment.ts";
export {
  findGitRoot,
  GIT_STATUS_MAX_LINES,
  GIT_TIMEOUT_MS,
  type GitFacts,
  readGitFacts,
  readGitStatus,
  runGit,
} from "./git-facts.ts";
export {
  displayPath,
  type InstructionFile,
  type InstructionFiles,
  type InstructionKind,
  type InstructionSearch,
  instructionCandidates,
  loadInstructionFiles,
  MAX_IMPORT_DEPTH,
  resolveImport,
} from "./instruction-files.ts";
export { INSTRUCTIONS_SECTION, instructionSections } from "./instruction-sections.ts";
export { findImports, withoutCode } from "./markdown-imports.ts";
export { createPromptCommand } from "./prompt-command.ts";
export { type ReminderSource, renderReminderEvents } from "./reminder-events.ts";
export { arrangePromptSections, orderSections, SECTION_LAYERS } from "./section-order.ts";
export { createTurnReminders, type TurnRemindersOptions } from "./turn-reminders.ts";
