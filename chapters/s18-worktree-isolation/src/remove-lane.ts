// Removing a lane without losing work: refused while it holds uncommitted or untracked changes (or is
// kept) unless forced; its branch is deleted only when merged into the base, else kept and said so.
import type { TaskStore } from "@lcc/s12";
import type { LaneEventType } from "./lane-events.ts";
import type { LaneGit } from "./lane-git.ts";
import type { LaneRecord, LaneRecords } from "./lane-state-file.ts";
import type { LaneSummary } from "./reconcile-lanes.ts";
import { WorktreeError } from "./worktree-error.ts";

export interface RemoveOptions {
  /** Drop uncommitted and untracked changes, and remove a kept lane (`git worktree remove --force`). */
  force?: boolean;
  /** Complete the bound task in s12's store once the lane is gone. */
  completeTask?: boolean;
}

export interface RemoveOutcome {
  name: string;
  branch: string;
  /** False when the branch holds commits its base does not (or the base is unknown): it is kept. */
  branchDeleted: boolean;
  /** The task completed, or null. */
  taskCompleted: number | null;
  /** One line per consequence, for the model and the user. */
  message: string;
}

/** What the manager hands over, the lanes lock held. */
export interface RemoveScope {
  git: LaneGit;
  records: LaneRecords;
  lane: LaneSummary;
  record: LaneRecord;
  save(records: LaneRecords): Promise<void>;
  log(type: LaneEventType, name: string, detail: Record<string, unknown>): Promise<void>;
}

/** Most changed paths named in a refusal. */
const LISTED_CHANGES = 10;

/**
 * Removes the lane in `scope`. Throws WorktreeError (nothing changed) for a kept lane or a lane with
 * changes, unless `force`. A task that cannot be completed does not undo the removal: the message says so.
 */
export async function removeLane(
  scope: RemoveScope,
  options: RemoveOptions,
  context: { now: () => string; tasks?: TaskStore },
): Promise<RemoveOutcome> {
  const { git, lane, record } = scope;
  const force = options.force === true;
  if (record.state === "kept" && !force)
    throw new WorktreeError(
      `Lane ${lane.name} is kept; pass force to remove it anyway. Nothing was changed.`,
    );
  const changes = await git.changes(lane.path);
  if (changes.length > 0 && !force) {
    const listed = changes.slice(0, LISTED_CHANGES).map((line) => `  ${line}`);
    const more = changes.length > LISTED_CHANGES ? [`  … ${changes.length - LISTED_CHANGES} more`] : [];
    throw new WorktreeError(
      [
        `Lane ${lane.name} has uncommitted changes; commit them in the lane, or pass force to drop them. Nothing was changed.`,
        ...listed,
        ...more,
      ].join("\n"),
    );
  }
  await git.removeWorktree(lane.path, force);
  const lines = [
    `Lane ${lane.name} removed${changes.length > 0 ? ` (${changes.length} changes dropped)` : ""}.`,
  ];
  const base =
    record.base === null ? undefined : ((await git.resolveCommit(record.base)) ?? record.baseCommit);
  const merged = base !== undefined && base !== null && (await git.isMerged(lane.branch, base));
  if (merged) {
    await git.deleteBranch(lane.branch);
    lines.push(`Branch ${lane.branch} was merged into ${record.base} and is deleted.`);
  } else
    lines.push(
      base
        ? `Branch ${lane.branch} has commits ${record.base} does not: it is kept (merge it, or git branch -D ${lane.branch}).`
        : `Branch ${lane.branch} is kept: this lane was adopted and its base is unknown.`,
    );
  let taskCompleted: number | null = null;
  if (options.completeTask && record.task !== null) {
    if (!context.tasks) lines.push(`Task #${record.task} was not completed: no task store here.`);
    else
      try {
        await context.tasks.update(record.task, { status: "completed" });
        taskCompleted = record.task;
        lines.push(`Task #${record.task} is completed.`);
      } catch (error) {
        lines.push(`Task #${record.task} was not completed: ${(error as Error).message}`);
      }
  } else if (options.completeTask) lines.push("No task was bound to this lane; none completed.");
  const removed: LaneRecord = { ...record, state: "removed", removedAt: context.now() };
  await scope.save({ ...scope.records, [lane.name]: removed });
  await scope.log("remove", lane.name, {
    force,
    changesDropped: changes.length,
    branchDeleted: merged,
    taskCompleted,
  });
  return {
    name: lane.name,
    branch: lane.branch,
    branchDeleted: merged,
    taskCompleted,
    message: lines.join("\n"),
  };
}
