// Where background logs live: `<lcc home>/runtime` (0700), one `<id>.log` (0600) per command, the id
// taken by creating its log exclusively, so two processes sharing a workspace never share an id.
import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  statSync,
  unlinkSync,
} from "node:fs";
import { isAbsolute, join, relative } from "node:path";

/** Logs untouched for this long are removed when a session first starts a background command. */
export const STALE_LOG_MS = 7 * 24 * 60 * 60 * 1000;

/** A log created for a new command: its id, path and an open descriptor (read-write). */
export interface CreatedLog {
  id: string;
  path: string;
  fd: number;
}

/**
 * Creates `runtime` (and the state folder above it) 0700 unless they exist. Inside the workspace the
 * path must lead through no symbolic link: a repository that ships `.lcc/runtime -> ~/somewhere`
 * gets no log written there (throws, naming the path). Synchronous: bash hands a command over
 * synchronously.
 */
export function prepareRuntimeFolder(runtime: string, workspace: string): void {
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const below = relative(workspace, runtime);
  if (below.startsWith("..") || isAbsolute(below)) return; // LCC_HOME outside the workspace: the user's choice
  const real = realpathSync(runtime);
  if (real !== join(realpathSync(workspace), below) || lstatSync(runtime).isSymbolicLink())
    throw new Error(
      `${runtime} leads through a symbolic link (to ${real}); no background log is written there`,
    );
}

/**
 * Takes the next free id ("b<n>", n above every log present) by creating `<id>.log` with O_EXCL and
 * O_NOFOLLOW, mode 0600; another process that took the same number first makes it try the next.
 */
export function createLog(runtime: string): CreatedLog {
  const flags = constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  let next = highestLogNumber(runtime) + 1;
  for (let attempt = 0; attempt < 1000; attempt++, next++) {
    const id = `b${next}`;
    const path = join(runtime, `${id}.log`);
    try {
      return { id, path, fd: openSync(path, flags, 0o600) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  throw new Error(`no free background id in ${runtime}`);
}

function highestLogNumber(runtime: string): number {
  let highest = 0;
  for (const name of readdirSync(runtime)) {
    const match = /^b(\d+)\.log$/.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/**
 * Removes logs untouched for STALE_LOG_MS, except the highest-numbered one, which keeps ids from being
 * reused. Never throws.
 */
export function pruneStaleLogs(runtime: string, now = Date.now()): void {
  try {
    const highest = `b${highestLogNumber(runtime)}.log`;
    for (const name of readdirSync(runtime)) {
      if (!/^b\d+\.log$/.test(name) || name === highest) continue;
      const path = join(runtime, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isFile() && now - stat.mtimeMs > STALE_LOG_MS) unlinkSync(path);
    }
  } catch {
    // pruning is housekeeping: a folder that cannot be read is left as it is
  }
}

/** Closes a descriptor, ignoring one already closed. */
export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}
