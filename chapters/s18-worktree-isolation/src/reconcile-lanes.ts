// What is true about the lanes, from the two sources: git's worktree list (does the folder exist as a
// worktree, on which branch) and state.json (task, base, kept). Git wins on existence: a recorded lane git
// no longer knows is removed; a worktree under the lanes folder that nothing recorded is adopted. Pure.

import { join } from "node:path";
import { compareText } from "@lcc/chapter-kit";
import { checkLaneName, laneBranch } from "./lane-name.ts";
import type { LaneRecord, LaneRecords, LaneState } from "./lane-state-file.ts";
import type { GitWorktree } from "./worktree-porcelain.ts";

/** One lane as the manager reports it (dirty and ahead/behind are added by the manager). */
export interface LaneSummary {
  name: string;
  /** `<lanes folder>/<name>`. */
  path: string;
  /** The branch checked out in it ("wt/<name>"), or the one it had when removed. */
  branch: string;
  /** The bound task's id, or null. */
  task: number | null;
  /** The base as asked for; null for an adopted lane. */
  base: string | null;
  state: LaneState;
  createdAt: string;
}

/** The reconciled view and the records to write when it differs from state.json. */
export interface Reconciled {
  lanes: LaneSummary[];
  records: LaneRecords;
  /** Worktrees under the lanes folder that state.json did not list (or listed as removed). */
  adopted: string[];
  /** Recorded live lanes git no longer knows (removed behind the manager's back). */
  lost: string[];
}

/**
 * Reconciles `records` with `worktrees`. `folders` are the lanes folder as configured and as resolved
 * (git may print either); a worktree counts as a lane when it is `<folder>/<name>` with a valid name and
 * its folder still exists (not prunable). `now` stamps adoptions and losses. Never throws.
 */
export function reconcileLanes(
  records: LaneRecords,
  worktrees: readonly GitWorktree[],
  folders: readonly string[],
  now: string,
): Reconciled {
  const live = new Map<string, GitWorktree>();
  for (const worktree of worktrees) {
    const name = laneNameOf(worktree.path, folders);
    if (name && !worktree.prunable && !worktree.bare) live.set(name, worktree);
  }
  const next: LaneRecords = { ...records };
  const adopted: string[] = [];
  const lost: string[] = [];
  for (const name of live.keys()) {
    const record = next[name];
    if (record && record.state !== "removed") continue;
    adopted.push(name);
    next[name] = record
      ? withoutRemoval({ ...record, state: "active" })
      : { task: null, base: null, baseCommit: null, state: "active", createdAt: now };
  }
  for (const [name, record] of Object.entries(next)) {
    if (record.state === "removed" || live.has(name)) continue;
    lost.push(name);
    next[name] = { ...record, state: "removed", removedAt: now };
  }
  const lanes = Object.entries(next)
    .map(([name, record]) => ({
      name,
      path: join(folders[0] ?? "", name),
      branch: live.get(name)?.branch ?? laneBranch(name),
      task: record.task,
      base: record.base,
      state: record.state,
      createdAt: record.createdAt,
    }))
    .sort((a, b) => compareText(a.name, b.name));
  return { lanes, records: next, adopted, lost };
}

function withoutRemoval(record: LaneRecord): LaneRecord {
  const { removedAt: _removedAt, ...rest } = record;
  return rest;
}

/** The lane name of `path` when it is directly inside one of `folders` and a valid name. */
function laneNameOf(path: string, folders: readonly string[]): string | undefined {
  for (const folder of folders) {
    const prefix = folder.endsWith("/") ? folder : `${folder}/`;
    if (!path.startsWith(prefix)) continue;
    const name = path.slice(prefix.length);
    try {
      return checkLaneName(name);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
