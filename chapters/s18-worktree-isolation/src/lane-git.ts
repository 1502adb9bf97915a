// The git questions the lane manager asks, each one argument array through runGit: the repository root,
// a base resolved to a commit, the worktree list, a lane's changes, ahead/behind, merged or not.
import { GitCommandError, runGit } from "./run-git.ts";
import { WorktreeError } from "./worktree-error.ts";
import { type GitWorktree, parseWorktreeList } from "./worktree-porcelain.ts";

/** The git operations of one repository. Every method throws GitCommandError/WorktreeError from git. */
export interface LaneGit {
  /** The repository's top folder (the workspace's checkout). */
  readonly root: string;
  /** The commit `ref` names (sha), or undefined when it names none. `ref` must have passed checkBaseRef. */
  resolveCommit(ref: string): Promise<string | undefined>;
  /** The current branch's short name, or undefined when HEAD is detached. */
  currentBranch(): Promise<string | undefined>;
  worktrees(): Promise<GitWorktree[]>;
  addWorktree(path: string, branch: string, commit: string): Promise<void>;
  /** `git worktree remove` (with `--force` only when asked). */
  removeWorktree(path: string, force: boolean): Promise<void>;
  deleteBranch(branch: string): Promise<void>;
  /** `git status --porcelain` lines in the lane (modified, staged and untracked files). */
  changes(path: string): Promise<string[]>;
  /** `git status --short --branch` in the lane. */
  shortStatus(path: string): Promise<string>;
  /** The last `count` commits of `branch`, "<short sha> <subject>" each. */
  lastCommits(branch: string, count: number): Promise<string[]>;
  /** Commits on `path`'s HEAD not in `baseCommit` (ahead) and the reverse (behind). */
  aheadBehind(path: string, baseCommit: string): Promise<{ ahead: number; behind: number }>;
  /** True when every commit of `branch` is in `baseCommit`. */
  isMerged(branch: string, baseCommit: string): Promise<boolean>;
}

/**
 * Finds the repository around `workspace` (`git rev-parse --show-toplevel`). Throws WorktreeError saying
 * lanes need a git repository when it is not inside one.
 */
export async function openLaneGit(workspace: string, timeoutMs?: number): Promise<LaneGit> {
  const timing = timeoutMs === undefined ? {} : { timeoutMs };
  let root: string;
  try {
    root = (await runGit(["rev-parse", "--show-toplevel"], { cwd: workspace, ...timing })).trim();
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    throw new WorktreeError(
      `${workspace} is not inside a git repository; worktree lanes need one (git init, then a first commit).`,
    );
  }
  const git = (args: string[], cwd = root) => runGit(args, { cwd, ...timing });
  const lines = (text: string) => text.split("\n").filter((line) => line !== "");
  return {
    root,
    async resolveCommit(ref) {
      const out = await git([
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        `${ref}^{commit}`,
      ]).catch((error: unknown) => {
        if (error instanceof GitCommandError) return "";
        throw error;
      });
      return out.trim() || undefined;
    },
    async currentBranch() {
      const out = await git(["symbolic-ref", "--quiet", "--short", "HEAD"]).catch(() => "");
      return out.trim() || undefined;
    },
    async worktrees() {
      return parseWorktreeList(await git(["worktree", "list", "--porcelain", "-z"]));
    },
    async addWorktree(path, branch, commit) {
      await git(["worktree", "add", "--quiet", "-b", branch, path, commit]);
    },
    async removeWorktree(path, force) {
      await git(["worktree", "remove", ...(force ? ["--force"] : []), path]);
    },
    async deleteBranch(branch) {
      await git(["branch", "-D", branch]);
    },
    async changes(path) {
      return lines(await git(["status", "--porcelain", "--untracked-files=all"], path));
    },
    async shortStatus(path) {
      return git(["status", "--short", "--branch"], path);
    },
    async lastCommits(branch, count) {
      return lines(await git(["log", `-n${count}`, "--format=%h %s", `refs/heads/${branch}`, "--"]));
    },
    async aheadBehind(path, baseCommit) {
      const out = await git(["rev-list", "--left-right", "--count", `HEAD...${baseCommit}`], path);
      const [ahead, behind] = out.trim().split(/\s+/).map(Number);
      return { ahead: ahead ?? 0, behind: behind ?? 0 };
    },
    async isMerged(branch, baseCommit) {
      try {
        await git(["merge-base", "--is-ancestor", `refs/heads/${branch}`, baseCommit]);
        return true;
      } catch (error) {
        if (error instanceof GitCommandError && error.exitCode === 1) return false;
        throw error;
      }
    },
  };
}
