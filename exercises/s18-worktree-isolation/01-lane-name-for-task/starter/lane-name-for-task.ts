// EXERCISE (s18 01): the lane a task gets its name from — `task-<id>-<words of its subject>` — always a name
// checkLaneName (chapters/s18-worktree-isolation/src/lane-name.ts) accepts, so its folder and branch can be made.
import type { Task } from "@lcc/s12";

/** The longest lane name (LANE_NAME_PATTERN allows 40 characters). */
export const LANE_NAME_MAX = 40;

/**
 * `task-<id>-<slug>` for `task`: the subject in lower case, every run of other characters than a-z and 0-9
 * one `-`, no `-` at either end, the whole name cut to LANE_NAME_MAX without a `-` at the end; `task-<id>`
 * when the subject has no such characters. Pure.
 */
export function laneNameForTask(task: Pick<Task, "id" | "subject">): string {
  return `task-${task.id}`;
}
