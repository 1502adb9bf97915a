// One stream as an append-only JSONL file, `{"id":"000000000042","message":…}` a line. Only lines ending in
// a newline count: readers skip a torn last line (a write cut by a crash) and the next append cuts it off.
import { constants, type FileHandle, open } from "node:fs/promises";
import { MAX_MESSAGE_BYTES, type StreamEntry, TeamTransportError } from "./team-transport.ts";

const ID_DIGITS = 12;
const MAX_SEQUENCE = 10 ** ID_DIGITS - 1;
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
    let { size } = await handle.stat();
    // Under the lock no live writer is half-way through a line: bytes after the last newline are what a
    // writer that died mid-write left. They never counted; cut them, so even a line missing only its
    // newline cannot become an entry once ours follows it.
    const committed = await committedLength(handle, size);
    if (committed < size) {
      await handle.truncate(committed);
      size = committed;
    }
    const sequence = (await lastSequence(handle, size)) + 1;
    if (sequence > MAX_SEQUENCE)
      throw new TeamTransportError(`${path} has no id left (its last is ${MAX_SEQUENCE})`);
    const id = formatFileId(sequence);
    await handle.write(`{"id":"${id}","message":${json}}\n`);
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
      // Lines up to `after` are passed over by their id alone, without parsing the message.
      const sequence = sequenceOf(line);
      if (sequence === undefined || sequence <= previous || sequence <= after) {
        if (sequence !== undefined && sequence > previous) previous = sequence;
        continue;
      }
      const entry = parseLine(line);
      // Ids only grow: a line that does not (a garbled file) is skipped like a torn one.
      if (!entry || entry.sequence <= previous) continue;
      previous = entry.sequence;
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
 * The sequence of the last valid line (0: none), scanning back chunk by chunk from `size`, which ends
 * at a newline (the torn tail is cut first). A line longer than MAX_LINE_BYTES is skipped unread.
 */
async function lastSequence(handle: FileHandle, size: number): Promise<number> {
  let position = size;
  let carry: Buffer = Buffer.alloc(0); // the start of the line that begins before `position` and ends after it
  let skipping = false; // inside an over-long line
  while (position > 0) {
    const start = Math.max(0, position - CHUNK_BYTES);
    const chunk = await readRange(handle, start, position - start);
    position = start;
    const segments = splitLines(Buffer.concat([chunk, carry]));
    const last = segments.length - 1;
    for (let index = last; index >= 1; index--) {
      if (skipping && index === last) continue;
      const entry = parseLine(segments[index] as Buffer);
      if (entry) return entry.sequence;
    }
    if (last >= 1) skipping = false;
    carry = skipping ? Buffer.alloc(0) : (segments[0] as Buffer);
    if (carry.length > MAX_LINE_BYTES) {
      carry = Buffer.alloc(0);
      skipping = true;
    }
  }
  return skipping ? 0 : (parseLine(carry)?.sequence ?? 0);
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
async function* completeLines(handle: FileHandle): AsyncGenerator<Buffer> {
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
        yield Buffer.concat([...pending, segment]);
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

/** The sequence in the fixed prefix `{"id":"000000000042","message":` we write; undefined without it. */
function sequenceOf(line: Buffer): number | undefined {
  const match = /^\{"id":"(\d{12})","message":/.exec(line.subarray(0, 31).toString("latin1"));
  return match ? Number(match[1]) : undefined;
}

/** The entry a line holds: our exact prefix, then JSON with that id and a message; undefined otherwise. */
function parseLine(line: Buffer): { id: string; sequence: number; message: unknown } | undefined {
  const sequence = sequenceOf(line);
  if (!sequence) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line.toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || !("message" in value)) return undefined;
  return { id: formatFileId(sequence), sequence, message: value.message };
}

async function readRange(handle: FileHandle, start: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, start);
  return buffer.subarray(0, bytesRead);
}

/** The length up to and including the last newline (0 when there is none). */
async function committedLength(handle: FileHandle, size: number): Promise<number> {
  for (let end = size; end > 0; end -= CHUNK_BYTES) {
    const start = Math.max(0, end - CHUNK_BYTES);
    const newline = (await readRange(handle, start, end - start)).lastIndexOf(NEWLINE);
    if (newline !== -1) return start + newline + 1;
  }
  return 0;
}
