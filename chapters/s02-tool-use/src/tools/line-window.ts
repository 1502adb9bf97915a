// Reads a window of a file's lines in one streaming pass: memory stays bounded however large the file.
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";

/** Bytes at the start of a file in which a NUL byte means "binary". */
const BINARY_PROBE_BYTES = 8000;
const NEWLINE = 0x0a;

export interface LineWindowOptions {
  /** 1-based number of the first line to return. */
  offset: number;
  /** How many lines to return at most. */
  limit: number;
  /** Longer lines are shortened to this many characters plus a marker. */
  maxLineChars: number;
  signal?: AbortSignal;
}

export interface LineWindow {
  /** Lines `offset` … `offset + limit - 1` (fewer at the end of the file), without their "\n". */
  lines: string[];
  /** Lines in the whole file; a last line without "\n" counts, an empty file has 0. */
  totalLines: number;
  /** A NUL byte in the first 8,000 bytes: the file is not text (and `lines` is empty). */
  binary: boolean;
  /** Some line of the window is not valid UTF-8: its invalid bytes read as U+FFFD. */
  invalidUtf8: boolean;
}

/**
 * Reads `path` once, keeping only the window's lines (each at most `maxLineChars` characters, so even
 * a one-line 100 MB file costs little memory) and counting the rest. Lines are split on "\n" only: a
 * CRLF line keeps its "\r". Only the window's lines are checked for valid UTF-8. Rejects when the
 * signal aborts or the file cannot be read.
 */
export async function readLineWindow(path: string, options: LineWindowOptions): Promise<LineWindow> {
  const { offset, limit, maxLineChars } = options;
  const lastWanted = offset + limit - 1;
  // 4 bytes per character at most: this many bytes always hold the first maxLineChars characters.
  const maxLineBytes = maxLineChars * 4;
  const lines: string[] = [];
  let lineNumber = 1;
  let lineParts: Buffer[] = [];
  let keptBytes = 0;
  let lineBytes = 0;
  let sawBytes = false;
  let endsWithNewline = false;
  let invalidUtf8 = false;

  const addToLine = (part: Buffer) => {
    lineBytes += part.length;
    if (keptBytes >= maxLineBytes) return;
    const kept = part.subarray(0, maxLineBytes - keptBytes);
    lineParts.push(kept);
    keptBytes += kept.length;
  };
  const endLine = () => {
    const bytes = Buffer.concat(lineParts);
    const text = bytes.toString("utf8");
    // A line cut at maxLineBytes may end inside a character: only what comes before that counts.
    invalidUtf8 ||= lineBytes > keptBytes ? !isUtf8Prefix(bytes) : !isUtf8(bytes);
    const shortened = lineBytes > maxLineBytes || text.length > maxLineChars;
    lines.push(shortened ? `${text.slice(0, maxLineChars)}… [line shortened]` : text);
    lineParts = [];
    keptBytes = 0;
    lineBytes = 0;
  };

  const stream = createReadStream(path, options.signal ? { signal: options.signal } : {});
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // Leaving the loop closes the stream.
    if (!sawBytes && chunk.subarray(0, BINARY_PROBE_BYTES).includes(0))
      return { lines: [], totalLines: 0, binary: true, invalidUtf8: false };
    sawBytes ||= chunk.length > 0;
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      const inWindow = lineNumber >= offset && lineNumber <= lastWanted;
      if (inWindow) addToLine(chunk.subarray(start, end));
      if (newline === -1) break;
      if (inWindow) endLine();
      lineNumber += 1;
      start = newline + 1;
    }
    if (chunk.length > 0) endsWithNewline = chunk[chunk.length - 1] === NEWLINE;
  }
  const hasUnterminatedLine = sawBytes && !endsWithNewline;
  if (hasUnterminatedLine && lineNumber >= offset && lineNumber <= lastWanted) endLine();
  const totalLines = hasUnterminatedLine ? lineNumber : lineNumber - 1;
  return { lines, totalLines, binary: false, invalidUtf8 };
}

/** True when `bytes` are valid UTF-8 or would be once an unfinished last character is completed. */
function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
