// Public surface of s18: the chapter (s17's team with lanes), the worktree lane manager and its pieces, the
// worktree_* tools, /worktrees, the renderer, the sections, and the place that puts a teammate in a lane.
export {
  createS18Chapter,
  createWorktreeSetup,
  type WorktreeSetup,
  type WorktreeSetupOptions,
} from "./agent.ts";
export {
  describeLane,
  describeLaneEvent,
  describeLaneEvents,
  describeLanes,
  displayLanePath,
} from "./describe-lanes.ts";
export { LANE_EVENT_TYPES, type LaneEvent, type LaneEventType, readLaneEvents } from "./lane-events.ts";
export {
  BASE_REF_MAX_CHARS,
  checkBaseRef,
  checkLaneName,
  LANE_NAME_PATTERN,
  laneBranch,
} from "./lane-name.ts";
export { createLanePlace, LANE_PLACE_DESCRIPTION, type LanePlaceOptions } from "./lane-place.ts";
export { LANE_STATES, type LaneRecord, type LaneState } from "./lane-state-file.ts";
export { laneUsers } from "./lane-users.ts";
export { lanesFolder } from "./lanes-folder.ts";
export type { LaneSummary } from "./reconcile-lanes.ts";
export type { RemoveOptions, RemoveOutcome } from "./remove-lane.ts";
export { DEFAULT_GIT_TIMEOUT_MS, GitCommandError, SAFE_GIT_CONFIG } from "./run-git.ts";
export { createWorktreeTools, type WorktreeToolsOptions } from "./tools/index.ts";
export { createWorktreeCreateTool, type WorktreeCreateDetails } from "./tools/worktree-create.ts";
export {
  createWorktreeEventsTool,
  MAX_EVENTS_PER_CALL,
  type WorktreeEventsDetails,
} from "./tools/worktree-events.ts";
export { createWorktreeKeepTool, type WorktreeKeepDetails } from "./tools/worktree-keep.ts";
export { createWorktreeListTool, type WorktreeListDetails } from "./tools/worktree-list.ts";
export {
  createWorktreeRemoveTool,
  type WorktreeRemoveDetails,
  type WorktreeRemoveOptions,
} from "./tools/worktree-remove.ts";
export {
  createWorktreeRunTool,
  type WorktreeRunDetails,
  type WorktreeRunOptions,
} from "./tools/worktree-run.ts";
export { createWorktreeStatusTool, type WorktreeStatusDetails } from "./tools/worktree-status.ts";
export { WorktreeError } from "./worktree-error.ts";
export {
  createWorktreeManager,
  type Lane,
  type NewLane,
  type WorktreeManager,
  type WorktreeManagerOptions,
} from "./worktree-manager.ts";
export { type GitWorktree, parseWorktreeList } from "./worktree-porcelain.ts";
export { renderWorktreeEvents } from "./worktree-renderer.ts";
export { TEAMMATE_LANE_SECTION, WORKTREE_SECTION, WORKTREE_TEAM_SECTION } from "./worktree-section.ts";
export { createWorktreesCommand, DEFAULT_SHOWN_EVENTS } from "./worktrees-command.ts";
