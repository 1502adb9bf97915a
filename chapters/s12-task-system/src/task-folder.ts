// The task folder on disk: read every task file (unreadable ones reported, never touched), write one
// atomically, remove one, and the high-water mark of ids. A repository may ship `.lcc` itself: nothing is
// read or written through a symbolic link below the workspace.
import { lstat, readdir, unlink } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { readConfigFile } from "@lcc/chapter-kit";
import { ToolError, writeFileAtomic } from "@lcc/s02";
import { idOfTaskFile, parseTaskFile, renderTaskFile, type Task, taskFileName } from "./task.ts";

/** A task file larger than this is reported, not read (descriptions are capped far below it). */
const TASK_FILE_MAX_BYTES = 256 * 1024;
/** The file holding the highest id ever given out, so a deleted task's id is never reused. */
export const HIGH_WATER_FILE = ".highwater";

/** A task file that could not be read as a task. */
export interface UnreadableTask {
  id: number;
  path: string;
  /** Said for a person: "not JSON (Unexpected token …)". */
  problem: string;
}

export interface TaskFolderListing {
  tasks: Task[];
  unreadable: UnreadableTask[];
  /** The folder itself cannot be used (a symbolic link, unreadable); then there are no tasks. */
  folderProblem?: string;
  /** The highest id any task file name carries (readable or not). */
  highestFileId: number;
}

/** A change refused because of a file on disk (a link, a corrupt task file): the message names the path. */
export class TaskFileError extends ToolError {
  override name = "TaskFileError";
}

/** The path of task `id` in `folder`. */
export function taskPath(folder: string, id: number): string {
  return join(folder, taskFileName(id));
}

/**
 * The first symbolic link on the way from `root` down to `path` (the path itself included), or undefined.
 * A `path` outside `root` (LCC_HOME set elsewhere: the user's choice) is not checked.
 */
export async function linkBelow(root: string, path: string): Promise<string | undefined> {
  const below = relative(root, path);
  if (below === "" || below.startsWith("..") || isAbsolute(below)) return undefined;
  let current = root;
  for (const part of below.split(sep)) {
    current = join(current, part);
    const stats = await lstat(current).catch(() => undefined);
    if (!stats) return undefined;
    if (stats.isSymbolicLink()) return current;
  }
  return undefined;
}

/** Reads every `<id>.json` in `folder` (no lock needed: each file is replaced atomically). Never throws. */
export async function readTaskFolder(folder: string, root: string): Promise<TaskFolderListing> {
  const listing: TaskFolderListing = { tasks: [], unreadable: [], highestFileId: 0 };
  const link = await linkBelow(root, folder);
  if (link)
    return { ...listing, folderProblem: `${link} is a symbolic link; no task is read or written through it` };
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return code === "ENOENT"
      ? listing
      : { ...listing, folderProblem: `the task folder cannot be read (${message})` };
  }
  for (const name of names) {
    const id = idOfTaskFile(name);
    if (id === undefined) continue;
    listing.highestFileId = Math.max(listing.highestFileId, id);
    const path = join(folder, name);
    if ((await lstat(path).catch(() => undefined))?.isSymbolicLink()) {
      listing.unreadable.push({
        id,
        path,
        problem: "a symbolic link, not read (a task is a file of its own)",
      });
      continue;
    }
    const read = await readConfigFile(path, { maxBytes: TASK_FILE_MAX_BYTES });
    if (!read.ok) {
      if (read.skip.kind !== "missing") listing.unreadable.push({ id, path, problem: read.reason });
      continue;
    }
    const parsed = parseTaskFile(read.text, id);
    if (!parsed.ok) listing.unreadable.push({ id, path, problem: parsed.problem });
    // A "deleted" status written by another tool is read as a deletion: the task is gone.
    else if (parsed.task.status !== "deleted") listing.tasks.push(parsed.task);
  }
  listing.tasks.sort((left, right) => left.id - right.id);
  listing.unreadable.sort((left, right) => left.id - right.id);
  return listing;
}

/** The highest id a task file name in `folder` carries (readable or not); 0 for none or no folder. */
export async function highestTaskFileId(folder: string): Promise<number> {
  const names = await readdir(folder).catch((): string[] => []);
  return Math.max(0, ...names.map((name) => idOfTaskFile(name) ?? 0));
}

/** Writes `task` to its file atomically (0600). Refuses a symbolic link in its place. Call under the lock. */
export async function writeTask(folder: string, task: Task): Promise<void> {
  const path = taskPath(folder, task.id);
  await refuseLink(path);
  await writeFileAtomic(path, renderTaskFile(task), { mode: 0o600 });
}

/** Removes the file of task `id` (gone already is fine). Call under the lock. */
export async function removeTask(folder: string, id: number): Promise<void> {
  await unlink(taskPath(folder, id)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}

/**
 * The highest id ever given out: 0 without the file. Throws TaskFileError naming the file when it holds
 * anything but a number (it is never overwritten blindly: a lower guess could reuse a deleted id).
 */
export async function readHighWater(folder: string): Promise<number> {
  const path = join(folder, HIGH_WATER_FILE);
  const read = await readConfigFile(path, { maxBytes: 64 });
  if (!read.ok && read.skip.kind === "missing") return 0;
  const value = read.ok ? read.text.trim() : "";
  if (read.ok && /^\d{1,15}$/.test(value)) return Number(value);
  throw new TaskFileError(
    `${path} should hold the highest task id ever used and does not (${read.ok ? `"${value.slice(0, 20)}"` : read.reason}); ` +
      "put that number in it, or remove it to count from the task files",
  );
}

/** Records `id` as the highest id given out. Call under the lock. */
export async function writeHighWater(folder: string, id: number): Promise<void> {
  const path = join(folder, HIGH_WATER_FILE);
  await refuseLink(path);
  await writeFileAtomic(path, `${id}\n`, { mode: 0o600 });
}

async function refuseLink(path: string): Promise<void> {
  if ((await lstat(path).catch(() => undefined))?.isSymbolicLink())
    throw new TaskFileError(
      `${path} is a symbolic link; a task is never written through one (remove the link)`,
    );
}
