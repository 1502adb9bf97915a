// The lane manager: lanes are real git worktrees under `<lcc home>/worktrees/<name>` on branch `wt/<name>`,
// optionally bound to an s12 task. Every change happens under the lanes lock and is logged to events.jsonl;
// what is true is rebuilt on each call from git's worktree list and state.json, so a restart loses nothing.
import { join } from "node:path";
import { LockHeldError, withOwnerLock } from "@lcc/chapter-kit";
import { runShell, type ShellRun } from "@lcc/s01";
import type { TaskStore } from "@lcc/s12";
import { appendLaneEvent, type LaneEvent, type LaneEventType, readLaneEvents } from "./lane-events.ts";
import { type LaneGit, openLaneGit } from "./lane-git.ts";
import { checkBaseRef, checkLaneName, laneBranch } from "./lane-name.ts";
import { type LaneRecord, type LaneRecords, readLaneState, writeLaneState } from "./lane-state-file.ts";
import { checkTaskFree } from "./lane-task.ts";
import { lanesFolder, prepareLanesFolder, refuseLinkedPath } from "./lanes-folder.ts";
import { type LaneSummary, reconcileLanes } from "./reconcile-lanes.ts";
import { type RemoveOptions, type RemoveOutcome, removeLane } from "./remove-lane.ts";
import { WorktreeError } from "./worktree-error.ts";

export interface WorktreeManagerOptions {
  /** The workspace; its git repository is the one lanes are made of. */
  workspace: string;
  /** Where LCC_HOME is read from (default: none, so `<workspace>/.lcc`). */
  env?: NodeJS.ProcessEnv;
  /** s12's store: binding a task at create, completing it at remove. */
  tasks?: TaskStore;
  /** The clock for event times and createdAt (default the real one). */
  now?: () => Date;
  /** Longest one git command may run (default 120 s). */
  gitTimeoutMs?: number;
  /** How long a change waits for another process holding the lanes lock (default 10 s). */
  lockWaitMs?: number;
}

/** A lane with what only git can say right now. */
export interface Lane extends LaneSummary {
  /** Uncommitted or untracked changes; undefined for a removed lane. */
  dirty?: boolean;
  /** Commits on the lane not on its base, and on the base not on the lane (lanes with a known base). */
  ahead?: number;
  behind?: number;
}

export interface NewLane {
  name: string;
  /** An s12 task to bind: it moves to in_progress with owner = the lane's name. */
  taskId?: number;
  /** What the lane starts from (default HEAD of the workspace's checkout). */
  baseRef?: string;
}

export interface WorktreeManager {
  /** The workspace whose repository the lanes are made of (paths are shown relative to it). */
  readonly workspace: string;
  /** `<lcc home>/worktrees`. */
  readonly folder: string;
  /** Makes the lane (`git worktree add -b wt/<name>`), binds the task. Throws WorktreeError, nothing changed. */
  create(input: NewLane): Promise<Lane>;
  /** Every lane ever recorded, by name; `problems` names a state.json that could not be used. */
  list(): Promise<{ lanes: Lane[]; problems: string[] }>;
  /** `git status --short --branch` in the lane and its branch's last 5 commits. */
  status(name: string): Promise<{ lane: Lane; status: string; commits: string[] }>;
  /**
   * Runs `command` through s01's runShell with cwd = the lane (process group, timeout, no secrets);
   * `signal` kills it, `maxChars` bounds the output kept (default 50,000).
   */
  run(
    name: string,
    command: string,
    options?: { signal?: AbortSignal; timeoutMs?: number; maxChars?: number },
  ): Promise<ShellRun>;
  /** Marks the lane kept: remove then refuses it without `force`. */
  keep(name: string): Promise<Lane>;
  /** See {@link RemoveOptions}. Throws WorktreeError when refused (nothing changed). */
  remove(name: string, options?: RemoveOptions): Promise<RemoveOutcome>;
  /** The newest `limit` (default 20) events, oldest first. Never throws. */
  events(options?: { limit?: number }): Promise<LaneEvent[]>;
}

/** The manager of `options.workspace`'s lanes. Creating it touches nothing; git runs on the first call. */
export function createWorktreeManager(options: WorktreeManagerOptions): WorktreeManager {
  const { workspace, tasks } = options;
  const env = options.env ?? {};
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const lockWaitMs = options.lockWaitMs ?? 10_000;
  let opened: Promise<LaneGit> | undefined;
  const gitOf = () => {
    opened ??= openLaneGit(workspace, options.gitTimeoutMs);
    opened.catch(() => {
      opened = undefined; // a repository made later is found on the next call
    });
    return opened;
  };
  const folder = lanesFolder(workspace, env);

  /** Git, the prepared folder, the lock held, state reconciled (adoptions and losses written) for `work`. */
  async function locked<Result>(work: (scope: Scope) => Promise<Result>): Promise<Result> {
    const git = await gitOf();
    const dir = await prepareLanesFolder(workspace, env);
    try {
      return await withOwnerLock(join(dir, ".lock"), async () => work(await settle(git, dir)), {
        waitMs: lockWaitMs,
      });
    } catch (error) {
      if (!(error instanceof LockHeldError)) throw error;
      throw new WorktreeError(`${error.message} for more than ${lockWaitMs / 1000} s; nothing was changed.`);
    }
  }

  interface Scope {
    git: LaneGit;
    dir: string;
    records: LaneRecords;
    lanes: LaneSummary[];
    problem?: string;
    save(records: LaneRecords): Promise<void>;
    log(type: LaneEventType, name: string, detail: Record<string, unknown>): Promise<void>;
  }

  async function settle(git: LaneGit, dir: string): Promise<Scope> {
    const state = await readLaneState(dir);
    const at = now();
    const seen = reconcileLanes(state.lanes, await git.worktrees(), [dir], at);
    const log = (type: LaneEventType, name: string, detail: Record<string, unknown>) =>
      appendLaneEvent(dir, { time: now(), type, name, detail });
    const save = async (records: LaneRecords) => {
      if (state.problem) throw new WorktreeError(`${state.problem}. Nothing was changed.`);
      await writeLaneState(dir, records);
    };
    if (!state.problem && (seen.adopted.length > 0 || seen.lost.length > 0)) {
      await writeLaneState(dir, seen.records);
      for (const name of seen.adopted)
        await log("adopt", name, { reason: "a worktree git knows, not in state.json" });
      for (const name of seen.lost) await log("lost", name, { reason: "git no longer knows this worktree" });
    }
    return {
      git,
      dir,
      records: seen.records,
      lanes: seen.lanes,
      save,
      log,
      ...(state.problem ? { problem: state.problem } : {}),
    };
  }

  /** The live (active or kept) lane `name`, or WorktreeError. */
  function liveLane(scope: Scope, name: string): { lane: LaneSummary; record: LaneRecord } {
    checkLaneName(name);
    const lane = scope.lanes.find((candidate) => candidate.name === name);
    const record = scope.records[name];
    if (!lane || !record) throw new WorktreeError(`There is no lane ${name}; worktree_list shows the lanes.`);
    if (lane.state === "removed")
      throw new WorktreeError(`Lane ${name} was removed; create it again to use it.`);
    return { lane, record };
  }

  async function describe(git: LaneGit, lane: LaneSummary, record: LaneRecord): Promise<Lane> {
    if (lane.state === "removed") return lane;
    const dirty = (await git.changes(lane.path)).length > 0;
    const base =
      record.base === null ? undefined : ((await git.resolveCommit(record.base)) ?? record.baseCommit);
    if (!base) return { ...lane, dirty };
    return { ...lane, dirty, ...(await git.aheadBehind(lane.path, base)) };
  }

  return {
    workspace,
    folder,
    async create(input) {
      const name = checkLaneName(input.name);
      const baseRef = input.baseRef === undefined ? undefined : checkBaseRef(input.baseRef);
      if (input.taskId !== undefined && !tasks)
        throw new WorktreeError("This manager has no task store; a lane cannot be bound to a task here.");
      return locked(async (scope) => {
        if (scope.problem) throw new WorktreeError(`${scope.problem}. No lane was created.`);
        if (scope.records[name] && scope.records[name].state !== "removed")
          throw new WorktreeError(
            `Lane ${name} exists already; worktree_list shows it. Nothing was changed.`,
          );
        const commit = await scope.git.resolveCommit(baseRef ?? "HEAD");
        if (!commit)
          throw new WorktreeError(
            `Base ${baseRef ?? "HEAD"} names no commit in this repository. Nothing was changed.`,
          );
        const base = baseRef ?? (await scope.git.currentBranch()) ?? commit;
        if (input.taskId !== undefined && tasks) await checkTaskFree(tasks, input.taskId, name);
        const path = join(scope.dir, name);
        await scope.git.addWorktree(path, laneBranch(name), commit);
        if (input.taskId !== undefined && tasks) {
          try {
            await tasks.update(input.taskId, { status: "in_progress", owner: name });
          } catch (error) {
            await scope.git.removeWorktree(path, true).catch(() => undefined);
            await scope.git.deleteBranch(laneBranch(name)).catch(() => undefined);
            throw error;
          }
        }
        const record: LaneRecord = {
          task: input.taskId ?? null,
          base,
          baseCommit: commit,
          state: "active",
          createdAt: now(),
        };
        await scope.save({ ...scope.records, [name]: record });
        await scope.log("create", name, { task: record.task, base, baseCommit: commit, path });
        const lane = { name, path, branch: laneBranch(name), task: record.task, base, state: record.state };
        return describe(scope.git, { ...lane, createdAt: record.createdAt }, record);
      });
    },
    async list() {
      return locked(async (scope) => ({
        lanes: await Promise.all(
          scope.lanes.map((lane) => describe(scope.git, lane, scope.records[lane.name] as LaneRecord)),
        ),
        problems: scope.problem ? [scope.problem] : [],
      }));
    },
    async status(name) {
      return locked(async (scope) => {
        const { lane, record } = liveLane(scope, name);
        return {
          lane: await describe(scope.git, lane, record),
          status: await scope.git.shortStatus(lane.path),
          commits: await scope.git.lastCommits(lane.branch, 5),
        };
      });
    },
    async run(name, command, runOptions = {}) {
      const lane = await locked(async (scope) => {
        const found = liveLane(scope, name).lane;
        await scope.log("run_start", name, { command });
        return found;
      });
      const started = Date.now();
      const run = await runShell(command, { cwd: lane.path, ...runOptions });
      await locked(async (scope) =>
        scope.log("run_end", name, {
          command,
          exitCode: run.exitCode,
          timedOut: run.timedOut,
          aborted: run.aborted,
          durationMs: Date.now() - started,
        }),
      );
      return run;
    },
    async keep(name) {
      return locked(async (scope) => {
        const { lane, record } = liveLane(scope, name);
        const kept: LaneRecord = { ...record, state: "kept" };
        await scope.save({ ...scope.records, [name]: kept });
        await scope.log("keep", name, {});
        return describe(scope.git, { ...lane, state: "kept" }, kept);
      });
    },
    async remove(name, removeOptions = {}) {
      return locked(async (scope) => {
        const { lane, record } = liveLane(scope, name);
        return removeLane({ ...scope, lane, record }, removeOptions, { now, ...(tasks ? { tasks } : {}) });
      });
    },
    async events(eventOptions = {}) {
      const linked = await refuseLinkedPath(workspace, folder).then(
        () => false,
        () => true,
      );
      return linked ? [] : readLaneEvents(folder, eventOptions.limit ?? 20);
    },
  };
}
