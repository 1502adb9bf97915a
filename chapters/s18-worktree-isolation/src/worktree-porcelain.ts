// Parses `git worktree list --porcelain -z`: one block per worktree (`worktree <path>`, `HEAD <sha>`,
// `branch refs/heads/…` or `detached`, optional `locked`/`prunable` fields), every field NUL-terminated. Pure.

/** One worktree as git knows it. */
export interface GitWorktree {
  path: string;
  head?: string;
  /** Short branch name ("wt/docs"), absent when detached. */
  branch?: string;
  bare: boolean;
  detached: boolean;
  locked: boolean;
  /** Its folder is gone; `git worktree prune` would forget it. */
  prunable: boolean;
}

/**
 * The worktrees in `text` (the `-z` form, so a path holding a newline stays whole), the main one first.
 * Unknown fields are ignored; never throws.
 */
export function parseWorktreeList(text: string): GitWorktree[] {
  const worktrees: GitWorktree[] = [];
  let current: GitWorktree | undefined;
  for (const line of text.split("\0")) {
    const space = line.indexOf(" ");
    const key = space === -1 ? line : line.slice(0, space);
    const value = space === -1 ? "" : line.slice(space + 1);
    if (key === "worktree") {
      current = { path: value, bare: false, detached: false, locked: false, prunable: false };
      worktrees.push(current);
      continue;
    }
    if (!current) continue;
    if (key === "HEAD") current.head = value;
    else if (key === "branch") current.branch = value.replace(/^refs\/heads\//, "");
    else if (key === "bare") current.bare = true;
    else if (key === "detached") current.detached = true;
    else if (key === "locked") current.locked = true;
    else if (key === "prunable") current.prunable = true;
  }
  return worktrees;
}
