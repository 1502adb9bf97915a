// What the prompt says about git: the repository root, the branch and a short status. Git runs with
// argument arrays, a timeout, no optional locks and no fsmonitor (a repository's config runs nothing).
import { execFile } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";

/** How long one git command may take before the prompt says the status is unknown. */
export const GIT_TIMEOUT_MS = 3_000;

/** Status lines shown; the rest is counted ("… and 12 more"). */
export const GIT_STATUS_MAX_LINES = 20;

/** The repository at session start, or why there is none. */
export type GitFacts =
  | { kind: "repository"; root: string; branch: string; status: string }
  | { kind: "none"; reason: string };

export interface GitOptions {
  /** Default GIT_TIMEOUT_MS. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Paths (relative to the workspace) the status leaves out: the agent's own state folder (`.lcc`),
   * which appears once the session log is written and is no change of the user's.
   */
  exclude?: readonly string[];
}

/**
 * Runs `git <args>` in `cwd`; resolves with stdout, or undefined when git is missing, fails, or times
 * out. Never throws. `core.fsmonitor` is turned off: a hostile repository config cannot run a program.
 */
export function runGit(
  args: readonly string[],
  cwd: string,
  options: GitOptions = {},
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-c", "core.fsmonitor=false", ...args],
      {
        cwd,
        timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
        maxBuffer: 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

/**
 * The repository root containing `workspace`: the nearest folder at or above its real path that holds
 * `.git` (a folder, or the file of a worktree or submodule). Undefined outside a repository — found
 * without starting git, so a workspace that is no repository costs no process at all.
 */
export function findGitRoot(workspace: string): string | undefined {
  let folder: string;
  try {
    folder = realpathSync(workspace);
  } catch {
    return undefined;
  }
  while (true) {
    if (existsSync(join(folder, ".git"))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * The branch and the short status of the repository at `workspace` (`git status --short --branch`,
 * one process), or undefined when git does not answer in time.
 */
export async function readGitStatus(
  workspace: string,
  options: GitOptions = {},
): Promise<{ branch: string; status: string } | undefined> {
  const output = await runGit(
    ["status", "--short", "--branch", "--untracked-files=normal"],
    workspace,
    options,
  );
  if (output === undefined) return undefined;
  const [header = "", ...all] = output.split("\n").filter((line) => line !== "");
  // Entries are "XY path", the path relative to the workspace as the exclusions are.
  const excluded = (options.exclude ?? []).map((path) => path.replace(/\/+$/, ""));
  const entries = all.filter((entry) => {
    const path = entry.slice(3).replace(/^"|"$/g, "");
    return !excluded.some(
      (folder) => path === folder || path === `${folder}/` || path.startsWith(`${folder}/`),
    );
  });
  return { branch: branchOf(header), status: shortStatus(entries) };
}

/** Root, branch and status for the environment section; `none` with the reason when not a repository. */
export async function readGitFacts(workspace: string, options: GitOptions = {}): Promise<GitFacts> {
  // Found on disk: a workspace that is no repository starts no git process.
  const root = findGitRoot(workspace);
  if (!root) return { kind: "none", reason: "not a git repository" };
  const status = await readGitStatus(workspace, options);
  if (!status) return { kind: "none", reason: "git did not answer in time" };
  return { kind: "repository", root, ...status };
}

/** "## main...origin/main [ahead 1]" → "main...origin/main [ahead 1]"; a new repository's branch by name. */
function branchOf(header: string): string {
  const text = header.replace(/^## /, "");
  return text.replace(/^No commits yet on /, "").replace(/^HEAD \(no branch\)$/, "detached HEAD");
}

/** The entries, capped at GIT_STATUS_MAX_LINES; "(clean)" when there are none. */
function shortStatus(entries: readonly string[]): string {
  if (entries.length === 0) return "(clean)";
  const shown = entries.slice(0, GIT_STATUS_MAX_LINES);
  const more = entries.length - shown.length;
  return [...shown, ...(more > 0 ? [`… and ${more} more`] : [])].join("\n");
}
