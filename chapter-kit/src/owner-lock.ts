// A lock file created with O_EXCL and naming its owner (pid, host, process start time), so the lock of a
// process that died (even by kill -9) is seen as stale and taken over, however long a live owner holds it.
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { setTimeout as delay } from "node:timers/promises";

/** What a lock file says about the process holding it. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** The holder's start time in clock ticks since boot (Linux /proc), to tell a reused pid apart. */
  startTime?: string;
  acquiredAt: string;
  nonce: string;
}

/** A held lock. */
export interface OwnerLock {
  /** The lock file. */
  readonly path: string;
  /** Deletes the lock file if it is still this lock's. Idempotent; never throws. */
  release(): void;
}

/** The lock is held by a live process (or one on another host, whose liveness cannot be checked). */
export class LockHeldError extends Error {
  override name = "LockHeldError";
  constructor(
    readonly lockPath: string,
    /** Undefined when the lock file could not be read (it was being written). */
    readonly owner: LockOwner | undefined,
  ) {
    super(`${lockPath} is held by ${owner ? describeOwner(owner) : "another process"}`);
  }

  /** True when this very process holds the lock (a second open of a file it is writing). */
  get isHeldByThisProcess(): boolean {
    return this.owner?.pid === process.pid && this.owner.hostname === hostname();
  }
}

/** "pid 123 since 2025-…", "this process", or "pid 123 on host build-box since …". */
export function describeOwner(owner: LockOwner): string {
  if (owner.hostname !== hostname())
    return `pid ${owner.pid} on host ${owner.hostname} since ${owner.acquiredAt}`;
  if (owner.pid === process.pid) return "this process";
  return `pid ${owner.pid} since ${owner.acquiredAt}`;
}

/** Locks this process holds, released when it exits (process.exit included); kill -9 leaves a stale lock. */
const heldLocks = new Set<OwnerLock>();
let releasesOnExit = false;
const ATTEMPTS = 50;
/** A lock file younger than this with unreadable content is being written; older, it is garbage. */
const WRITE_GRACE_MS = 2_000;

/**
 * Takes the lock file `path` for this process (sync). A stale lock (its owner on this host is gone, its
 * pid was reused, or the file is garbage) is removed and taken. Throws LockHeldError when a live process
 * holds it (this one included) and the fs error when the folder cannot be written. The folder must exist.
 */
export function acquireOwnerLock(path: string): OwnerLock {
  const mine = JSON.stringify(ownerOfThisProcess());
  let lastOwner: LockOwner | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (tryCreate(path, mine)) return hold(path, mine);
    const content = readContent(path);
    if (content === undefined) continue; // released meanwhile
    const owner = parseOwner(content);
    lastOwner = owner;
    if (owner && isOwnerAlive(owner)) throw new LockHeldError(path, owner);
    if (!owner && Date.now() - modifiedMs(path) < WRITE_GRACE_MS) {
      sleep(10);
      continue;
    }
    removeStaleLock(path, content);
  }
  throw new LockHeldError(path, lastOwner);
}

/** How long {@link withOwnerLock} waits for a live holder by default. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

/**
 * Runs `work` holding the lock file `lockPath` (its folder is created), waiting up to `waitMs` while
 * another live process holds it; a dead holder's lock is taken over at once. Throws LockHeldError when
 * the wait runs out; the lock is released when `work` settles.
 */
export async function withOwnerLock<Result>(
  lockPath: string,
  work: () => Promise<Result>,
  options: { waitMs?: number } = {},
): Promise<Result> {
  mkdirSync(dirname(lockPath), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  let lock: OwnerLock;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      lock = acquireOwnerLock(lockPath);
      break;
    } catch (error) {
      // Held by this very process too (two saves at once): its holder releases it when its work settles.
      if (!(error instanceof LockHeldError) || Date.now() > deadline) throw error;
      await delay(pause);
    }
  }
  try {
    return await work();
  } finally {
    lock.release();
  }
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function hold(path: string, content: string): OwnerLock {
  const lock: OwnerLock = {
    path,
    release() {
      if (!heldLocks.delete(lock)) return;
      try {
        if (readContent(path) === content) unlinkSync(path);
      } catch {
        // Gone already, or the folder went away: nothing is held any more.
      }
    },
  };
  if (!releasesOnExit) process.on("exit", releaseAll);
  releasesOnExit = true;
  heldLocks.add(lock);
  return lock;
}

function releaseAll(): void {
  for (const lock of [...heldLocks]) lock.release();
}

/**
 * Deletes a stale lock, if it still holds `staleContent`. Two processes could both judge the same lock
 * stale; a short-lived `.break` file (O_EXCL again) lets only one of them re-check and delete it, so
 * neither deletes a fresh lock the other has just taken.
 */
function removeStaleLock(path: string, staleContent: string): void {
  const breakPath = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(breakPath, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Held for microseconds; an old one was left by a process killed in between.
    if (Date.now() - modifiedMs(breakPath) > WRITE_GRACE_MS) unlinkQuietly(breakPath);
    sleep(5);
    return;
  }
  try {
    if (readContent(path) === staleContent) unlinkQuietly(path);
  } finally {
    closeSync(fd);
    unlinkQuietly(breakPath);
  }
}

/** False only when the owner is known to be gone: on this host, its pid is dead, a zombie, or reused. */
function isOwnerAlive(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const stat = readProcStat(owner.pid);
  if (!stat) return true;
  if (stat.state === "Z") return false;
  return owner.startTime === undefined || owner.startTime === stat.startTime;
}

function ownerOfThisProcess(): LockOwner {
  const startTime = readProcStat(process.pid)?.startTime;
  return {
    pid: process.pid,
    hostname: hostname(),
    ...(startTime ? { startTime } : {}),
    acquiredAt: new Date().toISOString(),
    nonce: randomBytes(8).toString("hex"),
  };
}

/** State and start time from /proc/<pid>/stat; undefined without /proc (macOS) or when the pid is gone. */
function readProcStat(pid: number): { state: string; startTime: string } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // Fields after "(comm)": state is field 3, starttime field 22.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const state = fields[0];
  const startTime = fields[19];
  return state && startTime ? { state, startTime } : undefined;
}

function parseOwner(content: string): LockOwner | undefined {
  try {
    const value = JSON.parse(content) as Partial<LockOwner> | null;
    if (typeof value?.pid !== "number" || typeof value.hostname !== "string") return undefined;
    return { acquiredAt: "", nonce: "", ...value } as LockOwner;
  } catch {
    return undefined;
  }
}

function readContent(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function modifiedMs(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Someone else removed it first.
  }
}

/** Blocks this thread for `ms` (acquiring is sync and contention lasts microseconds). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
