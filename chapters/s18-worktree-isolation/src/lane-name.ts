// Checks on what the model names before any git process sees it: lane names (they become a folder and
// the branch `wt/<name>`) and base refs (never a word git could read as an option or a path trick). Pure.
import { WorktreeError } from "./worktree-error.ts";

/** Allowed characters and length of a lane name. */
export const LANE_NAME_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;
/** Longest base ref accepted (a branch, tag, sha or `HEAD~2`). */
export const BASE_REF_MAX_CHARS = 200;
/** Names taken by the manager's own files in the lanes folder. */
const RESERVED_NAMES = new Set(["state.json", "events.jsonl"]);

/** The branch of lane `name`. */
export function laneBranch(name: string): string {
  return `wt/${name}`;
}

/**
 * Returns `name` when it can be a lane: `[A-Za-z0-9._-]{1,40}`, not starting with `-` or `.` (no option,
 * no `.`/`..`, no hidden folder), no `..`, not ending in `.` or `.lock` (git refuses such branches), not a
 * manager file. Throws WorktreeError naming the rule otherwise.
 */
export function checkLaneName(name: string): string {
  const refuse = (why: string) => {
    throw new WorktreeError(`Refused lane name ${JSON.stringify(name)}: ${why}. Nothing was changed.`);
  };
  if (!LANE_NAME_PATTERN.test(name)) refuse("use 1–40 of A-Z a-z 0-9 . _ -");
  if (name.startsWith("-")) refuse("it must not start with '-'");
  if (name.startsWith(".")) refuse("it must not start with '.'");
  if (name.includes("..")) refuse("it must not contain '..'");
  if (name.endsWith(".") || name.endsWith(".lock")) refuse("it must not end in '.' or '.lock'");
  if (RESERVED_NAMES.has(name)) refuse("that name is one of the manager's own files");
  return name;
}

/**
 * Returns `ref` when git may be asked to resolve it: non-empty, at most BASE_REF_MAX_CHARS, not starting
 * with `-`, no whitespace or control characters. Whether it names a commit is git's to say (asked with
 * `--end-of-options`). Throws WorktreeError otherwise.
 */
export function checkBaseRef(ref: string): string {
  const refuse = (why: string) => {
    throw new WorktreeError(`Refused base ref ${JSON.stringify(ref)}: ${why}. Nothing was changed.`);
  };
  if (ref.length === 0 || ref.length > BASE_REF_MAX_CHARS) refuse(`use 1–${BASE_REF_MAX_CHARS} characters`);
  if (ref.startsWith("-")) refuse("it must not start with '-'");
  if (/[\s\u0000-\u001f\u007f]/.test(ref)) refuse("it must not contain spaces or control characters");
  return ref;
}
