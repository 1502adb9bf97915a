// The workspace's files for `@path` completion: `git ls-files` in a git work tree, else a walk that honours
// every `.gitignore` on the way; directories are offered too (`src/`). Capped, and cached for a few seconds.

import { spawn } from "node:child_process";
import { constants, type Dirent } from "node:fs";
import { open, readdir } from "node:fs/promises";
import { join } from "node:path";
import { compareText } from "@lcc/chapter-kit";
import ignore, { type Ignore } from "ignore";

/** Paths listed at most (files and directories together). */
export const WORKSPACE_FILES_LIMIT = 20_000;
/** Folders never walked into, whatever the ignore files say. */
const SKIPPED_FOLDERS = new Set([".git", "node_modules", ".lcc"]);
/** A `.gitignore` bigger than this is not read (nobody writes one that long by hand). */
const GITIGNORE_MAX_BYTES = 256 * 1024;

/** Options of {@link listWorkspaceFiles}. */
export interface ListWorkspaceFilesOptions {
  /** Stops git or the walk; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Paths listed at most; default WORKSPACE_FILES_LIMIT. */
  limit?: number;
}

/**
 * Lists the workspace's files relative to it ("src/a.ts"), and each folder holding one ("src/"), sorted.
 * In a git work tree: tracked and untracked-not-ignored files (`git ls-files --cached --others
 * --exclude-standard`, under the workspace only). Elsewhere, or without git: a walk that honours nested
 * `.gitignore` files, never follows symlinks into folders, skips `.git`, `node_modules` and `.lcc`, and
 * leaves out FIFOs, sockets and devices (a `.gitignore` that is one is not read).
 * Rejects only when `signal` aborts.
 */
export async function listWorkspaceFiles(
  workspace: string,
  options: ListWorkspaceFilesOptions = {},
): Promise<string[]> {
  const limit = options.limit ?? WORKSPACE_FILES_LIMIT;
  const signal = options.signal ?? new AbortController().signal;
  signal.throwIfAborted();
  const files = (await gitFiles(workspace, limit, signal)) ?? (await walkFiles(workspace, limit, signal));
  return withFolders(files, limit);
}

/**
 * A listing shared by every caller for `ttlMs` (default 5 s): the Editor asks on each keystroke after `@`.
 * A caller's signal only abandons that caller's wait; the listing itself runs on (up to 10 s) for the next.
 */
export function createWorkspaceFileCache(
  workspace: string,
  options: { ttlMs?: number; limit?: number } = {},
): (signal?: AbortSignal) => Promise<string[]> {
  const ttlMs = options.ttlMs ?? 5_000;
  let cached: { at: number; listing: Promise<string[]> } | undefined;
  return (signal) => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const listing = listWorkspaceFiles(workspace, {
        signal: AbortSignal.timeout(10_000),
        ...(options.limit === undefined ? {} : { limit: options.limit }),
      }).catch(() => []);
      cached = { at: Date.now(), listing };
    }
    return signal ? abandonable(cached.listing, signal) : cached.listing;
  };
}

function abandonable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** `git ls-files`, stopped at `limit`; undefined when this is not a git work tree or git is missing. */
function gitFiles(workspace: string, limit: number, signal: AbortSignal): Promise<string[] | undefined> {
  return new Promise((resolve, reject) => {
    const args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard"];
    const child = spawn("git", args, { cwd: workspace, stdio: ["ignore", "pipe", "ignore"], signal });
    const files = new Set<string>();
    let rest = "";
    let full = false;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      if (full) return;
      const parts = (rest + chunk).split("\0");
      rest = parts.pop() ?? "";
      for (const part of parts) {
        if (part !== "") files.add(part);
        if (files.size >= limit) {
          full = true;
          child.kill();
          break;
        }
      }
    });
    child.on("error", () => (signal.aborted ? reject(signal.reason) : resolve(undefined)));
    child.on("close", (code) => {
      if (signal.aborted) reject(signal.reason);
      else resolve(full || code === 0 ? [...files] : undefined);
    });
  });
}

/** One `.gitignore`'s rules and the folder (relative to the workspace, "" for it) they belong to. */
interface IgnoreLevel {
  folder: string;
  rules: Ignore;
}

/** Breadth-first walk of the workspace honouring nested `.gitignore` files. */
async function walkFiles(workspace: string, limit: number, signal: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  const queue: { folder: string; levels: IgnoreLevel[] }[] = [{ folder: "", levels: [] }];
  for (let next = queue.shift(); next && files.length < limit; next = queue.shift()) {
    signal.throwIfAborted();
    let entries: Dirent[];
    try {
      entries = await readdir(join(workspace, next.folder), { withFileTypes: true });
    } catch {
      continue; // unreadable folder: skip it
    }
    const rules = await readGitignore(join(workspace, next.folder, ".gitignore"));
    const levels = rules ? [...next.levels, { folder: next.folder, rules }] : next.levels;
    entries.sort((left, right) => compareText(left.name, right.name));
    for (const entry of entries) {
      const path = next.folder === "" ? entry.name : `${next.folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnored(levels, `${path}/`))
          queue.push({ folder: path, levels });
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !isIgnored(levels, path)) {
        files.push(path);
        if (files.length >= limit) break;
      }
    }
  }
  return files;
}

/** Git's precedence: the deepest `.gitignore` with a rule for the path decides. */
function isIgnored(levels: IgnoreLevel[], path: string): boolean {
  let ignored = false;
  for (const level of levels) {
    const relative = level.folder === "" ? path : path.slice(level.folder.length + 1);
    const result = level.rules.test(relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** A `.gitignore`'s rules when it is a regular file of sane size; never blocks on a FIFO. */
async function readGitignore(path: string): Promise<Ignore | undefined> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > GITIGNORE_MAX_BYTES) return undefined;
    return ignore().add(await handle.readFile("utf8"));
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** The files plus every folder above one ("src/", "src/tui/"), sorted, at most `limit` paths. */
function withFolders(files: string[], limit: number): string[] {
  const paths = new Set(files);
  for (const file of files) {
    for (let slash = file.indexOf("/"); slash !== -1; slash = file.indexOf("/", slash + 1)) {
      paths.add(file.slice(0, slash + 1));
    }
  }
  return [...paths].sort().slice(0, limit);
}
