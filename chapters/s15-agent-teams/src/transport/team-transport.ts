// The team's transport: the one small interface that mailboxes, the roster, protocol requests and task
// claims go through, whatever holds the data (files under .lcc/team, or Redis). Names are checked here.

/** One message of a stream, with the id the backend gave it (ids grow within a stream). */
export interface StreamEntry<T> {
  id: string;
  message: T;
}

/**
 * Streams are append-only logs read from a consumer's cursor (so a message that arrives during a read is
 * never lost); keys are a small compare-and-set store (roster, claims). Every method may reject with a
 * TeamTransportError (bad name, unusable store) or the backend's I/O error.
 */
export interface TeamTransport {
  readonly kind: "file" | "redis";
  /** Appends to a stream ("inbox:alice", "requests", "events"); returns its id. Never loses or reorders one writer's appends. */
  append(stream: string, message: unknown): Promise<string>;
  /** Entries after `after` (exclusive; undefined = from the start), oldest first, at most `limit` (default 100). */
  read(stream: string, after?: string, limit?: number): Promise<StreamEntry<unknown>[]>;
  /** A consumer's saved position in a stream (undefined: nothing acknowledged yet). */
  cursor(stream: string, consumer: string): Promise<string | undefined>;
  /** Saves a consumer's position; moves only forward (an older id is ignored). */
  acknowledge(stream: string, consumer: string, id: string): Promise<void>;
  /** Compare-and-set of a key: writes `next` only when the current value is `expected` (undefined = absent). */
  compareAndSet(key: string, expected: string | undefined, next: string | undefined): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  /** Keys starting with `prefix` and their values (the roster "member:", claims "claim:"). */
  list(prefix: string): Promise<Record<string, string>>;
  /** Releases the connection (Redis) or nothing (files). Idempotent. */
  close(): Promise<void>;
}

/** A name, id or store the transport cannot use; the message says which and why. */
export class TeamTransportError extends Error {
  override name = "TeamTransportError";
}

/** The default and the largest `limit` of a read. */
export const DEFAULT_READ_LIMIT = 100;
export const MAX_READ_LIMIT = 10_000;
/** A message larger than this as JSON is refused (a mailbox carries text, not files). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

const NAME_PATTERN = /^[a-z0-9:_-]{1,100}$/;
const KEY_PATTERN = /^[A-Za-z0-9:_.@-]{1,200}$/;

/** Throws unless `stream` is 1–100 of `a-z 0-9 : _ -` (it becomes a file name and a Redis key). */
export function checkStreamName(stream: string): void {
  if (!NAME_PATTERN.test(stream))
    throw new TeamTransportError(
      `stream name ${JSON.stringify(stream)} is invalid: use 1-100 of a-z 0-9 : _ - (e.g. "inbox:alice")`,
    );
}

/** Throws unless `consumer` is 1–100 of `a-z 0-9 : _ -`. */
export function checkConsumerName(consumer: string): void {
  if (!NAME_PATTERN.test(consumer))
    throw new TeamTransportError(
      `consumer name ${JSON.stringify(consumer)} is invalid: use 1-100 of a-z 0-9 : _ - (e.g. "alice")`,
    );
}

/** Throws unless `key` is 1–200 of `A-Z a-z 0-9 : _ . @ -` ("member:alice", "claim:task:7"). */
export function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key))
    throw new TeamTransportError(`key ${JSON.stringify(key)} is invalid: use 1-200 of A-Z a-z 0-9 : _ . @ -`);
}

/** Throws unless `prefix` could start a key (empty lists every key). */
export function checkKeyPrefix(prefix: string): void {
  if (prefix !== "") checkKey(prefix);
}

/** The limit to use: `limit` when it is an integer in 1..MAX_READ_LIMIT, DEFAULT_READ_LIMIT when absent. */
export function readLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_READ_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_READ_LIMIT)
    throw new TeamTransportError(
      `read limit ${limit} is invalid: use an integer from 1 to ${MAX_READ_LIMIT}`,
    );
  return limit;
}

/** `message` as one line of JSON; throws when it cannot be (undefined, a cycle, a BigInt) or is too large. */
export function serializeMessage(message: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(message);
  } catch (error) {
    throw new TeamTransportError(
      `message cannot be sent as JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (json === undefined) throw new TeamTransportError("message cannot be sent as JSON (it is undefined)");
  if (Buffer.byteLength(json) > MAX_MESSAGE_BYTES)
    throw new TeamTransportError(`message is larger than ${MAX_MESSAGE_BYTES} bytes as JSON`);
  return json;
}

/**
 * Orders two stream ids of either backend: a file id ("000000000042") or a Redis id ("1765000000000-3").
 * Negative when `left` is older. Throws TeamTransportError for anything else.
 */
export function compareStreamIds(left: string, right: string): number {
  const [leftMajor, leftMinor] = idParts(left);
  const [rightMajor, rightMinor] = idParts(right);
  if (leftMajor !== rightMajor) return leftMajor < rightMajor ? -1 : 1;
  return leftMinor === rightMinor ? 0 : leftMinor < rightMinor ? -1 : 1;
}

function idParts(id: string): [bigint, bigint] {
  const match = /^(\d{1,20})(?:-(\d{1,20}))?$/.exec(id);
  if (!match?.[1]) throw new TeamTransportError(`${JSON.stringify(id)} is not a stream id`);
  return [BigInt(match[1]), BigInt(match[2] ?? "0")];
}
