// One memory folder on disk (the project's or the user's): list its memory files, write one, remove one,
// regenerate its MEMORY.md, all changes under the folder's lock. Unreadable files are reported, never touched.
// A repository may ship `.lcc/memory` itself: no memory is read or written through a symbolic link in it.
import { lstat, mkdir, readdir, realpath, unlink } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { readConfigFile, withOwnerLock } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";
import { type MemoryRecord, parseMemoryFile, renderMemoryFile } from "./memory-file.ts";
import { buildMemoryIndex } from "./memory-index.ts";

/** The index file's name in every memory folder. */
export const MEMORY_INDEX_FILE = "MEMORY.md";
/** A memory file larger than this is reported, not read (memories are short). */
const MEMORY_FILE_MAX_BYTES = 256 * 1024;

/** A memory read from its file. */
export interface StoredMemory extends MemoryRecord {
  /** File name inside the folder ("api-keys.md"). */
  file: string;
  /** Absolute path. */
  path: string;
}

/** A `.md` file in a memory folder that is not a valid memory (bad frontmatter, too large, a FIFO…), or the folder itself when it cannot be read. */
export interface UnreadableMemoryFile {
  path: string;
  /** Said for a person: "not a valid memory file (invalid YAML frontmatter: …)". */
  problem: string;
}

export interface MemoryListing {
  memories: StoredMemory[];
  problems: UnreadableMemoryFile[];
  /** Every entry of the folder (new files never take one of these names). */
  files: string[];
}

export interface MemoryFolder {
  readonly folder: string;
  readonly indexPath: string;
  /**
   * Reads every memory file (no lock: each file is replaced atomically). Never throws: a missing folder
   * lists nothing, one that cannot be read is a problem with the folder's path.
   */
  list(): Promise<MemoryListing>;
  /** Runs `work` holding the folder's lock (waits up to 10 s for another process; creates the folder 0700). */
  withLock<Result>(work: () => Promise<Result>): Promise<Result>;
  /** Writes `memory` to `file` atomically (0600). Call under the lock. */
  write(file: string, memory: MemoryRecord): Promise<string>;
  /** Deletes the memory file `file`. Call under the lock. */
  remove(file: string): Promise<void>;
  /** Rewrites MEMORY.md from the files as they are now. Call under the lock. */
  writeIndex(): Promise<MemoryListing>;
}

/**
 * The memory folder at `folder`; `prepare` runs before the first write (the project's creates .lcc).
 * With `root` (the workspace, for the project's folder), the path from `root` down to the folder must
 * contain no symbolic link: a cloned repository's `.lcc -> ~/.ssh` never receives a memory.
 */
export function createMemoryFolder(
  folder: string,
  prepare: () => Promise<void> = async () => {},
  root?: string,
): MemoryFolder {
  const indexPath = join(folder, MEMORY_INDEX_FILE);
  const memoryFolder: MemoryFolder = {
    folder,
    indexPath,
    list: () => listMemoryFolder(folder),
    async withLock(work) {
      await prepare();
      await mkdir(folder, { recursive: true, mode: 0o700 });
      if (root !== undefined) await refuseLinkedFolder(folder, root);
      return withOwnerLock(join(folder, `${MEMORY_INDEX_FILE}.lock`), work);
    },
    async write(file, memory) {
      const path = join(folder, file);
      await refuseLink(path);
      await writeFileAtomic(path, renderMemoryFile(memory), { mode: 0o600 });
      return path;
    },
    async remove(file) {
      await unlink(join(folder, file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    },
    async writeIndex() {
      const listing = await listMemoryFolder(folder);
      await refuseLink(indexPath);
      await writeFileAtomic(indexPath, buildMemoryIndex(listing.memories), { mode: 0o600 });
      return listing;
    },
  };
  return memoryFolder;
}

async function listMemoryFolder(folder: string): Promise<MemoryListing> {
  let files: string[];
  try {
    files = await readdir(folder);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    // A folder that cannot be read is reported like a broken file: the session starts all the same.
    const problems =
      code === "ENOENT" ? [] : [{ path: folder, problem: `the memory folder cannot be read (${message})` }];
    return { memories: [], problems, files: [] };
  }
  const listing: MemoryListing = { memories: [], problems: [], files };
  for (const file of [...files].sort()) {
    if (!file.endsWith(".md") || file === MEMORY_INDEX_FILE || file.startsWith(".")) continue;
    const path = join(folder, file);
    if (await isLink(path)) {
      listing.problems.push({ path, problem: "a symbolic link, not read (a memory is a file of its own)" });
      continue;
    }
    const read = await readConfigFile(path, { maxBytes: MEMORY_FILE_MAX_BYTES });
    if (!read.ok) {
      if (read.skip.kind !== "missing")
        listing.problems.push({ path, problem: `not a valid memory file (${read.reason})` });
      continue;
    }
    const parsed = parseMemoryFile(read.text);
    if (parsed.ok) listing.memories.push({ ...parsed.memory, file, path });
    else listing.problems.push({ path, problem: `not a valid memory file (${parsed.problem})` });
  }
  return listing;
}

async function isLink(path: string): Promise<boolean> {
  return lstat(path).then(
    (stats) => stats.isSymbolicLink(),
    () => false,
  );
}

/** Throws when `path` is a symbolic link: writing through it would replace whatever it points at. */
async function refuseLink(path: string): Promise<void> {
  if (await isLink(path))
    throw new Error(`${path} is a symbolic link; a memory is never written through one (remove the link)`);
}

/** Throws when a symbolic link lies between `root` and `folder` (the folder resolves somewhere else). */
async function refuseLinkedFolder(folder: string, root: string): Promise<void> {
  const below = relative(root, folder);
  if (below.startsWith("..") || isAbsolute(below)) return; // LCC_HOME outside the workspace: the user's choice
  const [realFolder, realRoot] = await Promise.all([realpath(folder), realpath(root)]);
  if (realFolder !== join(realRoot, below))
    throw new Error(`${folder} leads through a symbolic link (to ${realFolder}); no memory is written there`);
}
