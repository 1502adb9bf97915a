// Public surface of s18 (groundwork): the worktree lane manager and its pieces. The worktree_* tools,
// the chapter and teammates spawned into a lane come when s15–s17 exist.
export { LANE_EVENT_TYPES, type LaneEvent, type LaneEventType, readLaneEvents } from "./lane-events.ts";
export {
  BASE_REF_MAX_CHARS,
  checkBaseRef,
  checkLaneName,
  LANE_NAME_PATTERN,
  laneBranch,
} from "./lane-name.ts";
export { LANE_STATES, type LaneRecord, type LaneState } from "./lane-state-file.ts";
export { lanesFolder } from "./lanes-folder.ts";
export type { LaneSummary } from "./reconcile-lanes.ts";
export type { RemoveOptions, RemoveOutcome } from "./remove-lane.ts";
export { DEFAULT_GIT_TIMEOUT_MS, GitCommandError, SAFE_GIT_CONFIG } from "./run-git.ts";
export { WorktreeError } from "./worktree-error.ts";
export {
  createWorktreeManager,
  type Lane,
  type NewLane,
  type WorktreeManager,
  type WorktreeManagerOptions,
} from "./worktree-manager.ts";
export { type GitWorktree, parseWorktreeList } from "./worktree-porcelain.ts";
