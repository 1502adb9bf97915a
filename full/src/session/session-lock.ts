// One writer per session: `<session file>.lock`, an owner lock (chapter-kit's owner-lock.ts), so a second
// lcc resuming a session in use is refused and the lock of a process killed with -9 is taken over.
import { acquireOwnerLock, LockHeldError, type OwnerLock } from "@lcc/chapter-kit";

export { describeOwner, type LockOwner } from "@lcc/chapter-kit";

export type SessionLock = OwnerLock;
export const SessionLockedError = LockHeldError;
export type SessionLockedError = LockHeldError;

/** Takes the lock of the session file `sessionPath` (sync); throws SessionLockedError when a live process holds it. */
export function acquireSessionLock(sessionPath: string): SessionLock {
  return acquireOwnerLock(`${sessionPath}.lock`);
}
