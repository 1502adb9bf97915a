// Public surface of s17: the chapter, the extension that makes teammates autonomous and its pieces (claim
// rules and the locked claim, the idle policy, the tools, per-teammate compaction, ownership of tasks).
import "./autonomy-events.ts";

export {
  type AutonomySetup,
  type AutonomySetupOptions,
  createAutonomySetup,
  createS17Chapter,
} from "./agent.ts";
export type { ClaimVia } from "./autonomy-events.ts";
export { type AutonomyOptions, createAutonomyExtension } from "./autonomy-extension.ts";
export { createAutonomyRenderer } from "./autonomy-renderer.ts";
export { leadAutonomySection, teammateAutonomySection } from "./autonomy-sections.ts";
export { claimedTaskMessage, recordClaim } from "./claimed-task.ts";
export { createRosterTaskHook, releaseHeldTasks } from "./held-tasks.ts";
export {
  type AutonomousIdle,
  createIdlePolicy,
  DEFAULT_IDLE_POLL_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  type IdlePolicyOptions,
} from "./idle-policy.ts";
export { approvingShutdown, claimedTaskId, lastMessageText, shutdownRequestId } from "./scripted-team.ts";
export {
  type Claimant,
  type ClaimOutcome,
  ClaimRefused,
  claimableTasks,
  claimFirstTask,
  claimRefusal,
  claimTask,
  rolesOfTask,
} from "./task-claim.ts";
export { createTaskOwnershipHook, ownershipRefusal } from "./task-ownership.ts";
export {
  createTeammateCompaction,
  identityBlock,
  type TeammateCompaction,
  type TeammateCompactionOptions,
} from "./teammate-compaction.ts";
export { createClaimTaskTool } from "./tools/claim-task-tool.ts";
export { createIdleTool, IDLE_DETAIL } from "./tools/idle-tool.ts";
