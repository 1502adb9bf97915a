// The pure-JS file walk behind glob and grep when ripgrep is not installed: the same files
// `rg --files --hidden --no-require-git` lists, in the same order (`--sort path`).
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { isPermissionError } from "./file-search.ts";
import { type IgnoreFile, isIgnored, parseGitignore } from "./gitignore.ts";

/** Entries skipped at any depth, whatever the ignore files say (`.lcc` holds the agent's own state). */
export const ALWAYS_SKIPPED = new Set([".git", ".lcc", "node_modules"]);

/**
 * Yields the absolute paths of the regular files under `directory` (absolute), depth first with
 * each folder's entries sorted by name. Honours .gitignore files in `directory`, below it and above
 * it up to the enclosing git repository's root (or up to `/` outside a repository), plus that
 * repository's .git/info/exclude. Skips ALWAYS_SKIPPED names below `directory` and symlinks; a folder
 * it may not read (`directory` included) is skipped and passed to `onUnreadable`, in walk order.
 * Throws the signal's reason once `signal` aborts.
 */
export async function* walkFiles(
  directory: string,
  signal: AbortSignal,
  onUnreadable: (folder: string) => void = () => {},
): AsyncGenerator<string> {
  const inherited = await loadOuterIgnoreFiles(directory, signal);
  yield* walkDirectory(directory, inherited, signal, onUnreadable);
}

async function* walkDirectory(
  directory: string,
  inherited: readonly IgnoreFile[],
  signal: AbortSignal,
  onUnreadable: (folder: string) => void,
): AsyncGenerator<string> {
  signal.throwIfAborted();
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: unknown): Dirent[] => {
    // Anything else (the folder vanished meanwhile) is skipped silently, as ripgrep's walk does.
    if (isPermissionError(error)) onUnreadable(directory);
    return [];
  });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  const own = await readIgnoreFile(directory, ".gitignore", signal);
  const ignoreFiles = own ? [...inherited, own] : inherited;
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const isDirectory = entry.isDirectory();
    if (!isDirectory && !entry.isFile()) continue;
    const path = join(directory, entry.name);
    if (isIgnored(ignoreFiles, path, isDirectory)) continue;
    if (isDirectory) yield* walkDirectory(path, ignoreFiles, signal, onUnreadable);
    else yield path;
  }
}

/** The ignore files that apply to `directory` from above it, outermost first. */
async function loadOuterIgnoreFiles(directory: string, signal: AbortSignal): Promise<IgnoreFile[]> {
  const ancestors: string[] = [];
  let repositoryRoot: string | undefined;
  for (let current = directory; ; current = dirname(current)) {
    if (current !== directory) ancestors.unshift(current);
    if (await exists(join(current, ".git"))) {
      repositoryRoot = current;
      break;
    }
    if (dirname(current) === current) break;
  }
  const files: IgnoreFile[] = [];
  if (repositoryRoot) {
    const exclude = await readIgnoreFile(repositoryRoot, join(".git", "info", "exclude"), signal);
    if (exclude) files.push(exclude);
  }
  for (const ancestor of ancestors) {
    const file = await readIgnoreFile(ancestor, ".gitignore", signal);
    if (file) files.push(file);
  }
  return files;
}

async function readIgnoreFile(
  base: string,
  name: string,
  signal: AbortSignal,
): Promise<IgnoreFile | undefined> {
  const text = await readFile(join(base, name), { encoding: "utf8", signal }).catch(() => {
    signal.throwIfAborted();
    return undefined;
  });
  if (!text) return undefined;
  const rules = parseGitignore(text);
  return rules.length > 0 ? { base, rules } : undefined;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
