// The prompt's persistent input history (`<lcc home>/history`): one entry per line, each a JSON string so
// a multi-line message stays one entry; plain lines written by older versions still load as they are.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
} from "node:fs";

/** Entries kept and loaded; a file past twice this many is cut back to the newest ones. */
export const HISTORY_LINES = 500;
/** The most of the file read (its end); a bigger file is cut back too. */
export const HISTORY_MAX_BYTES = 4 * 1024 * 1024;
/** Entries bigger than this are not remembered (a pasted log is not worth recalling). */
export const HISTORY_MAX_ENTRY_BYTES = 64 * 1024;

/**
 * Reads the history, oldest first and newest LAST (feed `Editor.addToHistory` in this order). Only a
 * regular file is read (opened non-blocking, so a FIFO or device never hangs it); missing or unreadable
 * means no history. At most the last HISTORY_MAX_BYTES are read. When the file holds more than twice
 * HISTORY_LINES entries, or more bytes than that, it is rewritten with the newest HISTORY_LINES (temp
 * file + rename). A line that is a JSON string is that string; any other line is an entry as it is.
 * Never throws.
 */
export function loadInputHistory(path: string): string[] {
  const read = readTail(path);
  if (!read) return [];
  const lines = read.text.split("\n");
  if (read.cut) lines.shift(); // the first line began before the part read
  const entries = lines.filter((line) => line.trim() !== "").map(decodeEntry);
  const kept = entries.slice(-HISTORY_LINES);
  if (read.cut || entries.length > 2 * HISTORY_LINES) {
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, kept.map(encodeEntry).join(""), { mode: 0o600 });
      renameSync(temporary, path);
    } catch {
      // Trimming is housekeeping; the history still loads.
    }
  }
  return kept;
}

/**
 * Appends one entry (multi-line kept). Blank entries and entries over HISTORY_MAX_ENTRY_BYTES are
 * skipped; the file is created 0600 (what the user typed may be private). Nothing is written unless
 * `path` is (or becomes) a regular file: a FIFO without a reader fails at once instead of blocking.
 * The directory must exist. Never throws: history is a convenience.
 */
export function appendInputHistory(path: string, entry: string): void {
  if (entry.trim() === "" || Buffer.byteLength(entry) > HISTORY_MAX_ENTRY_BYTES) return;
  let descriptor: number | undefined;
  try {
    const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK;
    descriptor = openSync(path, flags, 0o600);
    if (!fstatSync(descriptor).isFile()) return;
    writeSync(descriptor, encodeEntry(entry));
  } catch {
    // Failing to save history must not interrupt the session.
  } finally {
    closeQuietly(descriptor);
  }
}

/** One entry as its line in the file. */
function encodeEntry(entry: string): string {
  return `${JSON.stringify(entry)}\n`;
}

function decodeEntry(line: string): string {
  if (!line.startsWith('"')) return line;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "string" ? value : line;
  } catch {
    return line;
  }
}

/** The end of a regular file (at most HISTORY_MAX_BYTES), and whether its start was cut off. */
function readTail(path: string): { text: string; cut: boolean } | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return undefined;
    const length = Math.min(stats.size, HISTORY_MAX_BYTES);
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const count = readSync(descriptor, buffer, filled, length - filled, stats.size - length + filled);
      if (count === 0) break;
      filled += count;
    }
    return { text: buffer.subarray(0, filled).toString("utf8"), cut: stats.size > length };
  } catch {
    return undefined;
  } finally {
    closeQuietly(descriptor);
  }
}

function closeQuietly(descriptor: number | undefined): void {
  try {
    if (descriptor !== undefined) closeSync(descriptor);
  } catch {
    // Nothing was left to lose.
  }
}
