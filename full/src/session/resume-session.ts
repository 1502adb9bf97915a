// Continuing a session: take its lock (one writer per session), move a line torn by a crash aside so
// new records start on a clean line, then replay it.
import { appendFileSync, closeSync, fsyncSync, openSync, truncateSync, writeFileSync } from "node:fs";
import { acquireSessionLock, describeOwner, type SessionLock, SessionLockedError } from "./session-lock.ts";
import {
  type LoadedSession,
  parseRecord,
  readSessionFile,
  replaySession,
  type SessionFile,
  SessionReadError,
} from "./session-store.ts";

/** Another process (or this one) is writing the session: it has one writer at a time. */
export class SessionInUseError extends SessionReadError {
  override name = "SessionInUseError";
  constructor(
    id: string,
    readonly locked: SessionLockedError,
  ) {
    const owner = locked.owner;
    super(
      locked.isHeldByThisProcess
        ? `Session ${id} is already open in this lcc.`
        : `Session ${id} is in use by another lcc process (${owner ? describeOwner(owner) : "starting up"}); ` +
            "a session has one writer at a time. Wait for it to end, or start a new session (without -c/-r). " +
            `If no lcc is using it, delete ${locked.lockPath}.`,
    );
  }
}

/**
 * Opens a session to continue it: takes its lock (one writer per session), then replays it like
 * loadSession. A torn last line (the process died while writing it) is appended to
 * `<path>.torn` and cut from the session file, so new records start on a clean line. Throws
 * SessionInUseError when another live process holds the lock and SessionReadError when the file is
 * unreadable or corrupt (the lock is then released and the file left unchanged).
 */
export function resumeSession(path: string, id: string): LoadedSession {
  let lock: SessionLock;
  try {
    lock = acquireSessionLock(path);
  } catch (error) {
    if (error instanceof SessionLockedError) throw new SessionInUseError(id, error);
    throw new SessionReadError(`Cannot lock session ${id} (${path}): ${(error as Error).message}`);
  }
  try {
    const file = readSessionFile(path, id);
    const tornTail = settleTail(path, file);
    return { ...replaySession(file.records, path, id), lock, ...(tornTail ? { tornTail } : {}) };
  } catch (error) {
    lock.release();
    if (error instanceof SessionReadError) throw error;
    throw new SessionReadError(`Cannot repair session ${id} (${path}): ${(error as Error).message}`);
  }
}

/**
 * Brings the file back to a line boundary: a tail that is a whole record only lacks its newline and
 * gets it (and joins `file.records`); anything else is moved to `<path>.torn` (one line per cut,
 * flushed before the session file is cut) and reported.
 */
function settleTail(path: string, file: SessionFile): LoadedSession["tornTail"] {
  if (file.tail.length === 0) return undefined;
  const record = parseRecord(file.tail.toString("utf8"));
  if (record) {
    appendFileSync(path, "\n");
    file.records.push(record);
    return undefined;
  }
  const tornPath = `${path}.torn`;
  const fd = openSync(tornPath, "a", 0o600);
  try {
    writeFileSync(fd, Buffer.concat([file.tail, Buffer.from("\n")]));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  truncateSync(path, file.completeLength);
  return { path: tornPath, bytes: file.tail.length };
}
