// Sessions as append-only JSONL: one record per history change, written with a syscall per record so
// a crash (even kill -9) loses at most the record being written (resuming moves that torn line aside).
import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@lcc/s01";
import type { TokenUsage } from "./cost.ts";
import { acquireSessionLock, type SessionLock } from "./session-lock.ts";

/** One line of `<lcc home>/sessions/<id>.jsonl`. Replaying the message records rebuilds the history. */
export type SessionRecord =
  | { type: "session_start"; session_id: string; cwd: string; model: string; version: string; time: string }
  | { type: "session_resume"; session_id: string; model: string; time: string }
  /** A message pushed onto the history. */
  | { type: "message"; message: MessageParam; time: string }
  /** Blocks joined onto the last (user) message, e.g. a prompt after an interrupted turn. */
  | { type: "append"; content: Anthropic.ContentBlockParam[]; time: string }
  /** The whole history replaced (compaction). */
  | { type: "history"; messages: MessageParam[]; time: string }
  | { type: "usage"; model: string; usage: TokenUsage; time: string }
  | { type: "turn_result"; reason: string; turns: number; time: string }
  /** The model stopped and the loop went on (a Stop hook, max_tokens, a doom-loop warning, queued messages). */
  | { type: "continuation"; reason: string; turn: number; time: string }
  /** A model request failed and is retried after a wait (s11). */
  | { type: "retry"; reason: string; attempt: number; attempts: number; delay_ms: number; time: string };

type WithoutTime<Entry> = Entry extends unknown ? Omit<Entry, "time"> : never;

/** Records without their timestamp; the log stamps them. */
export type SessionEntry = WithoutTime<SessionRecord>;

export interface SessionLog {
  readonly id: string;
  readonly path: string;
  /**
   * Appends one record and hands it to the kernel before returning. The file opens on first use.
   * Never throws: the first failure goes to `onError` and every later write is skipped.
   */
  write(entry: SessionEntry): void;
  /** Closes the file and releases the session's lock; later writes are skipped. Idempotent. */
  close(): void;
}

export interface SessionLogOptions {
  /** Called once before the first write (creates the folder and keeps it out of git). */
  openDir?: () => void;
  /** The first write that failed (unwritable folder, full disk); the log is off from then on. */
  onError?: (error: unknown) => void;
  /**
   * The lock of a resumed session (resumeSession took it before reading the file); the log owns it
   * from now on. Without one the log takes the lock itself before it creates the file, and a lock
   * held by another process is a write failure (`onError`, log off).
   */
  lock?: SessionLock;
}

/** Sortable, readable session ids: `20250102-150405-a1b2c3`. */
export function createSessionId(now = new Date(), random = Math.random): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const suffix = Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, "0");
  return `${date}-${time}-${suffix}`;
}

/**
 * A log for session `id` in `sessionsDir`, its only writer while open (see session-lock.ts). Nothing
 * touches the disk before the first write, so a session that never records anything leaves no file;
 * the file is created 0600. A log that cannot be written never breaks the conversation (a turn cut by
 * a throwing log would leave tool calls unanswered).
 */
export function createSessionLog(
  sessionsDir: string,
  id: string,
  options: SessionLogOptions = {},
): SessionLog {
  const path = join(sessionsDir, `${id}.jsonl`);
  let lock = options.lock;
  let fd: number | undefined;
  let failed = false;
  return {
    id,
    path,
    write(entry) {
      if (failed) return;
      try {
        if (fd === undefined) {
          options.openDir?.();
          lock ??= acquireSessionLock(path);
          fd = openSync(path, "a", 0o600);
        }
        writeAll(fd, Buffer.from(`${JSON.stringify({ ...entry, time: new Date().toISOString() })}\n`));
      } catch (error) {
        failed = true;
        options.onError?.(error);
      }
    },
    close() {
      failed = true;
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      lock?.release();
    },
  };
}

/** writeSync may write part of a buffer (a full disk); a record is only ever followed by the next one whole. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

type Snapshot = { message: MessageParam; content: MessageParam["content"]; blocks: readonly unknown[] };

/**
 * Watches a history array and turns each change since the last `sync` into records: pushed messages
 * become `message`, blocks joined onto the last message become `append`, anything else (a rewrite)
 * becomes one `history` record. Compares by identity, so a sync is O(messages) and allocates only for
 * the messages that changed since the last one.
 */
export function createHistoryRecorder(initial: readonly MessageParam[] = []) {
  const snapshot: Snapshot[] = initial.map(take);
  return {
    /** Records that bring the log from the last synced history to `messages`. */
    sync(messages: readonly MessageParam[]): SessionEntry[] {
      let same = 0;
      while (
        same < snapshot.length &&
        same < messages.length &&
        isUnchanged(snapshot[same]!, messages[same]!)
      )
        same++;
      const entries: SessionEntry[] = [];
      if (same === snapshot.length) {
        for (const message of messages.slice(same)) entries.push({ type: "message", message });
      } else {
        const extension =
          same === snapshot.length - 1 ? addedBlocks(snapshot[same]!, messages[same]) : undefined;
        if (extension) {
          entries.push({ type: "append", content: extension });
          for (const message of messages.slice(same + 1)) entries.push({ type: "message", message });
        } else {
          entries.push({ type: "history", messages: [...messages] });
        }
      }
      // The unchanged prefix keeps its snapshots: a turn allocates for the messages it touched, not
      // for the whole history (re-taking every message on every sync was most of a turn's garbage).
      snapshot.length = same;
      for (let index = same; index < messages.length; index++) snapshot.push(take(messages[index]!));
      return entries;
    },
  };
}

function take(message: MessageParam): Snapshot {
  return {
    message,
    content: message.content,
    blocks: typeof message.content === "string" ? [] : [...message.content],
  };
}

function isUnchanged(snapshot: Snapshot, message: MessageParam): boolean {
  if (snapshot.message !== message || snapshot.content !== message.content) return false;
  return typeof message.content === "string" || message.content.length === snapshot.blocks.length;
}

/** The blocks added at the end of a message that otherwise kept its earlier content, if that is what happened. */
function addedBlocks(
  snapshot: Snapshot,
  message: MessageParam | undefined,
): Anthropic.ContentBlockParam[] | undefined {
  if (!message || message.role !== snapshot.message.role || typeof message.content === "string")
    return undefined;
  const old = snapshot.content;
  if (typeof old === "string") {
    const first = message.content[0];
    if (first?.type !== "text" || first.text !== old) return undefined;
    return message.content.length > 1 ? message.content.slice(1) : undefined;
  }
  if (message.content.length <= snapshot.blocks.length) return undefined;
  const kept = snapshot.blocks.every((block, index) => message.content[index] === block);
  return kept ? message.content.slice(snapshot.blocks.length) : undefined;
}
