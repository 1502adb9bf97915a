// Public surface of s09: memory files in two places, their index in the system prompt, the tools, /memory.
export {
  createMemorySetup,
  createS09Chapter,
  type MemorySetup,
  type MemorySetupOptions,
  userMemoryFolder,
} from "./agent.ts";
export { createMemoryAccess } from "./memory-access.ts";
export { createMemoryCommand, describeMemories } from "./memory-command.ts";
export {
  MEMORY_CONTENT_MAX_CHARS,
  MEMORY_DESCRIPTION_MAX_CHARS,
  MEMORY_NAME_MAX_CHARS,
  MEMORY_TYPES,
  type MemoryRecord,
  type MemoryType,
  memoryFrontmatter,
  parseMemoryFile,
  renderMemoryFile,
  scopeOfType,
} from "./memory-file.ts";
export {
  createMemoryFolder,
  MEMORY_INDEX_FILE,
  type MemoryFolder,
  type MemoryListing,
  type StoredMemory,
  type UnreadableMemoryFile,
} from "./memory-folder.ts";
export {
  createMemoryForgetTool,
  forgetMemory,
  type MemoryForgetDetails,
  memoryForgetInput,
} from "./memory-forget-tool.ts";
export { buildMemoryIndex, type IndexEntry, MEMORY_INDEX_MAX_LINES } from "./memory-index.ts";
export {
  createMemoryLibrary,
  type ForgetOutcome,
  type MemoryLibrary,
  type MemoryLibraryOptions,
  type MemoryPlace,
  type MemoryScope,
  type PlaceListing,
  type SaveOutcome,
  type SessionChanges,
} from "./memory-library.ts";
export {
  buildMemoryReminder,
  createMemoryReminder,
  injectAfterCompaction,
  REMINDER_CONTENT_MAX_CHARS,
} from "./memory-reminder.ts";
export { createMemorySaveTool, type MemorySaveDetails, memorySaveInput } from "./memory-save-tool.ts";
export { buildMemorySection, type SectionPlace } from "./memory-section.ts";
export { newMemoryFileName, slugOf } from "./memory-slug.ts";
export { createS09Scenario, s09DemoOptions } from "./scenario.ts";
export { findSecret } from "./secret-scan.ts";
