// A command's log, bounded on disk by rotation in place: past `maxBytes` the oldest half is dropped and
// the newest output kept (a server's latest lines matter most), with a marker saying how much went.
import { constants, fstatSync, ftruncateSync, openSync, readSync, writeSync } from "node:fs";
import { closeQuietly } from "./runtime-folder.ts";

/** Default bound of one log on disk (bytes). */
export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024;

export interface RotatingLog {
  /** Appends output; rotates when the file passes the bound. Never throws (a failing disk stops the log). */
  write(chunk: string): void;
  /** Bytes dropped from the start by rotations so far. */
  droppedBytes(): number;
  close(): void;
}

/**
 * Writes to `fd` (opened read-write) synchronously, so the log is complete the moment the command's
 * end is reported. The file never grows past `maxBytes` plus one chunk: it is rewritten to its newest
 * half (cut at a line start) behind a `[… N bytes of older output dropped …]` line.
 */
export function createRotatingLog(fd: number, maxBytes = DEFAULT_LOG_MAX_BYTES): RotatingLog {
  let size = 0;
  let dropped = 0;
  let open = true;
  const rotate = () => {
    const keep = Math.floor(maxBytes / 2);
    const kept = Buffer.alloc(keep);
    const read = readSync(fd, kept, 0, keep, size - keep);
    const lineStart = kept.subarray(0, read).indexOf(10) + 1;
    const newest = kept.subarray(lineStart, read);
    dropped += size - newest.length;
    const marker = Buffer.from(`[… ${dropped} bytes of older output dropped; the log keeps the newest …]\n`);
    writeSync(fd, marker, 0, marker.length, 0);
    writeSync(fd, newest, 0, newest.length, marker.length);
    size = marker.length + newest.length;
    ftruncateSync(fd, size);
  };
  return {
    write(chunk) {
      if (!open || chunk.length === 0) return;
      try {
        const bytes = Buffer.from(chunk);
        writeSync(fd, bytes, 0, bytes.length, size);
        size += bytes.length;
        if (size > maxBytes) rotate();
      } catch {
        open = false;
      }
    },
    droppedBytes: () => dropped,
    close() {
      if (open) closeQuietly(fd);
      open = false;
    },
  };
}

/**
 * The last `maxChars` characters of the log at `path` (read from its end only, so a huge file costs
 * nothing), starting at a line start when there is one. Empty when it cannot be read. Never throws.
 */
export function readLogTail(path: string, maxChars = 2000): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxChars * 4);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, size - length);
    let text = buffer.subarray(0, read).toString("utf8");
    if (text.length > maxChars) text = text.slice(-maxChars);
    const lineStart = text.indexOf("\n");
    const cut = length < size || text.length === maxChars;
    return cut && lineStart >= 0 && lineStart < text.length - 1 ? text.slice(lineStart + 1) : text;
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}
