// Public surface of s13: the setup, the manager, the tools, the handoff rule and the renderer, so lcc
// and later chapters reuse each.
import "./background-events.ts";

export {
  type BackgroundSetup,
  type BackgroundSetupOptions,
  backgroundSection,
  createBackgroundSetup,
  createS13Chapter,
} from "./agent.ts";
export { CHECK_TAIL_CHARS, createBackgroundCheckTool, describeJobs } from "./background-check-tool.ts";
export { createBackgroundHandoff, handoffNote } from "./background-handoff.ts";
export {
  type BackgroundJob,
  type BackgroundOrigin,
  type BackgroundStatus,
  describeStatus,
  formatBackgroundResult,
  formatDuration,
} from "./background-job.ts";
export { createBackgroundKillTool } from "./background-kill-tool.ts";
export {
  type BackgroundManager,
  type BackgroundManagerOptions,
  createBackgroundManager,
  DEFAULT_KILL_GRACE_MS,
} from "./background-manager.ts";
export { describeEnd, describeStart, renderBackgroundEvents } from "./background-renderer.ts";
export { createBackgroundRunTool } from "./background-run-tool.ts";
export { createBgCommand } from "./bg-command.ts";
export { DEFAULT_LOG_MAX_BYTES } from "./rotating-log.ts";
export { DEFAULT_SERVER_AFTER_MS, looksLikeServer, SERVER_OUTPUT_PATTERNS } from "./server-output.ts";
