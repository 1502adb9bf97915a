// One stream as an append-only JSONL file, `{"id":"000000000042","message":…}` a line. Only lines ending in
// a newline count: a torn last line (a write cut by a crash) is skipped and the next append starts a new line.
import { constants, type FileHandle, open } from "node:fs/promises";
import { MAX_MESSAGE_BYTES, type StreamEntry, TeamTransportError } from "./team-transport.ts";

const ID_DIGITS = 12;
const CHUNK_BYTES = 64 * 1024;
/** A line longer than this cannot be one we wrote (a message is at most MAX_MESSAGE_BYTES): skipped. */
const MAX_LINE_BYTES = MAX_MESSAGE_BYTES + 100;
const NEWLINE = 0x0a;
const FLAGS_NO_FOLLOW = constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** "000000000042" for 42: fixed width, so ids also sort as text. */
export function formatFileId(sequence: number): string {
  return String(sequence).padStart(ID_DIGITS, "0");
}

/** The sequence number of a file id; throws TeamTransportError for anything but 12 digits. */
export function parseFileId(id: string): number {
  if (!/^\d{12}$/.test(id))
    throw new TeamTransportError(`${JSON.stringify(id)} is not an id of a file stream`);
  return Number(id);
}

/**
 * Appends `json` (one message, already serialized) as the next entry and returns its id. The caller holds
 * the stream's lock. Reads only the file's tail to find the last id; writes one whole line in one write.
 */
export async function appendStreamEntry(path: string, json: string): Promise<string> {
  const handle = await openStreamFile(path, constants.O_RDWR | constants.O_CREAT | constants.O_APPEND);
  try {
    const { size } = await handle.stat();
    const id = formatFileId((await lastSequence(handle, size)) + 1);
    const torn = size > 0 && (await byteAt(handle, size - 1)) !== NEWLINE;
    await handle.write(`${torn ? "\n" : ""}{"id":"${id}","message":${json}}\n`);
    return id;
  } finally {
    await handle.close();
  }
}

/** Entries with a sequence above `after` (0: all), oldest first, at most `limit`; [] when the file is absent. */
export async function readStreamEntries(
  path: string,
  after: number,
  limit: number,
): Promise<StreamEntry<unknown>[]> {
  let handle: FileHandle;
  try {
    handle = await openStreamFile(path, constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const entries: StreamEntry<unknown>[] = [];
  try {
    let previous = 0;
    for await (const line of completeLines(handle)) {
      const entry = parseLine(line);
      // Ids only grow: a line that does not (a garbled file) is skipped like a torn one.
      if (!entry || entry.sequence <= previous) continue;
      previous = entry.sequence;
      if (entry.sequence <= after) continue;
      entries.push({ id: entry.id, message: entry.message });
      if (entries.length >= limit) break;
    }
  } finally {
    await handle.close();
  }
  return entries;
}

/** Opens without following a symbolic link, and refuses anything but a regular file (a FIFO would block). */
async function openStreamFile(path: string, flags: number): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, flags | FLAGS_NO_FOLLOW, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP")
      throw new TeamTransportError(`${path} is a symbolic link; the team transport does not follow it`);
    throw error;
  }
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw new TeamTransportError(`${path} is not a regular file`);
  }
  return handle;
}

/**
 * The sequence of the last valid complete line (0: none), scanning back from the end chunk by chunk. The
 * bytes after the last newline are a torn line and skipped, as is a line longer than MAX_LINE_BYTES.
 */
async function lastSequence(handle: FileHandle, size: number): Promise<number> {
  let position = size;
  let carry: Buffer = Buffer.alloc(0); // the start of the line that begins before `position` and ends after it
  let skipping = true; // inside the torn tail or an over-long line
  while (position > 0) {
    const start = Math.max(0, position - CHUNK_BYTES);
    const chunk = await readRange(handle, start, position - start);
    position = start;
    const segments = splitLines(Buffer.concat([chunk, carry]));
    const last = segments.length - 1;
    for (let index = last; index >= 1; index--) {
      if (skipping && index === last) continue;
      const entry = parseLine((segments[index] as Buffer).toString("utf8"));
      if (entry) return entry.sequence;
    }
    if (last >= 1) skipping = false;
    carry = skipping ? Buffer.alloc(0) : (segments[0] as Buffer);
    if (carry.length > MAX_LINE_BYTES) {
      carry = Buffer.alloc(0);
      skipping = true;
    }
  }
  return skipping ? 0 : (parseLine(carry.toString("utf8"))?.sequence ?? 0);
}

/** Splits at newlines; the result always has one more segment than there are newlines. */
function splitLines(buffer: Buffer): Buffer[] {
  const segments: Buffer[] = [];
  let start = 0;
  for (let newline = buffer.indexOf(NEWLINE); newline !== -1; newline = buffer.indexOf(NEWLINE, start)) {
    segments.push(buffer.subarray(start, newline));
    start = newline + 1;
  }
  segments.push(buffer.subarray(start));
  return segments;
}

/** Each complete line (ending in a newline), oldest first; lines over MAX_LINE_BYTES are skipped unread. */
async function* completeLines(handle: FileHandle): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  for (;;) {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) return; // what is pending has no newline yet: torn, or still being written
    const segments = splitLines(chunk.subarray(0, bytesRead));
    for (let index = 0; index < segments.length - 1; index++) {
      const segment = segments[index] as Buffer;
      if (!oversized && pendingBytes + segment.length <= MAX_LINE_BYTES)
        yield Buffer.concat([...pending, segment]).toString("utf8");
      pending = [];
      pendingBytes = 0;
      oversized = false;
    }
    const rest = segments[segments.length - 1] as Buffer;
    pendingBytes += rest.length;
    if (pendingBytes > MAX_LINE_BYTES) {
      oversized = true;
      pending = [];
    } else if (!oversized) pending.push(rest);
  }
}

function parseLine(line: string): { id: string; sequence: number; message: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || !("message" in value) || !("id" in value))
    return undefined;
  const { id, message } = value;
  if (typeof id !== "string" || !/^\d{12}$/.test(id) || Number(id) === 0) return undefined;
  return { id, sequence: Number(id), message };
}

async function readRange(handle: FileHandle, start: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, start);
  return buffer.subarray(0, bytesRead);
}

async function byteAt(handle: FileHandle, position: number): Promise<number | undefined> {
  return (await readRange(handle, position, 1))[0];
}
