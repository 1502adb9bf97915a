// A teammate's mailbox over the team transport: sending appends to the stream "inbox:<to>"; reading goes from
// the reader's own cursor and acknowledges what it returned, so nothing is lost or truncated (at-least-once).
import { z } from "zod";
import { checkTeamName } from "./team-names.ts";
import {
  compareStreamIds,
  MAX_READ_LIMIT,
  type StreamEntry,
  type TeamTransport,
} from "./transport/team-transport.ts";

/**
 * What a mailbox carries: "request"/"response" are the s16 protocol messages, "broadcast" one of many
 * copies, "idle" a teammate telling the lead it finished its turn (with its last words).
 */
export type MessageKind = "message" | "broadcast" | "request" | "response" | "idle";

/** One delivered message, with the stream id it was stored under. */
export interface MailboxMessage {
  id: string;
  from: string;
  to: string;
  content: string;
  kind: MessageKind;
  /** ISO time the sender appended it. */
  sentAt: string;
}

export interface SendOptions {
  content: string;
  kind?: MessageKind;
}

export interface Mailbox {
  readonly name: string;
  /** Appends a message from this mailbox's owner to `to`'s inbox; returns its stream id. Throws for a bad name. */
  send(to: string, options: SendOptions): Promise<string>;
  /**
   * The unread messages, oldest first, at most `limit` (default 100); then moves the cursor to the last one
   * returned, never further, so a message appended meanwhile comes in the next read. At-least-once: a crash
   * between fetching and acknowledging delivers the same messages again; nothing is ever skipped. Reads of one
   * mailbox object run one after another; a mailbox has a single reader (its owner).
   */
  read(options?: { limit?: number }): Promise<MailboxMessage[]>;
  /** How many messages wait unread (reads the stream; does not move the cursor). */
  peek(): Promise<number>;
  /**
   * The two-step read for a reader that hands messages on (s15's inbox delivery): the messages after
   * `after` (default: the cursor), oldest first, at most `limit`, WITHOUT moving the cursor.
   */
  fetch(options?: { after?: string; limit?: number }): Promise<MailboxMessage[]>;
  /**
   * Moves the cursor forward to `id` once the messages up to it were handed on (never backwards). This
   * mailbox object counts them as read at once, while the write is still on its way (peek, fetch, read).
   */
  acknowledge(id: string): Promise<void>;
  /** The newest `limit` messages (default 20), read or not, oldest first; does not move the cursor. */
  recent(limit?: number): Promise<MailboxMessage[]>;
}

const storedMessageSchema = z.object({
  from: z.string(),
  to: z.string(),
  content: z.string(),
  kind: z.enum(["message", "broadcast", "request", "response", "idle"]),
  sentAt: z.string(),
});

/** The stream that holds `name`'s inbox. */
export function inboxStream(name: string): string {
  return `inbox:${name}`;
}

/** The mailbox of `name` (a teammate or "lead") on `transport`. Throws TeamTransportError for a bad name. */
export function createMailbox(transport: TeamTransport, name: string): Mailbox {
  checkTeamName(name);
  const stream = inboxStream(name);
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  // The newest id this object acknowledged: its own reads start after it even before the cursor write lands.
  let acknowledged: string | undefined;
  const position = async (): Promise<string | undefined> => {
    const saved = await transport.cursor(stream, name);
    if (acknowledged === undefined || saved === undefined) return saved ?? acknowledged;
    return compareStreamIds(saved, acknowledged) >= 0 ? saved : acknowledged;
  };
  const acknowledge = (id: string) => {
    if (acknowledged === undefined || compareStreamIds(id, acknowledged) > 0) acknowledged = id;
    return transport.acknowledge(stream, name, id);
  };

  return {
    name,
    send: async (to, { content, kind = "message" }) => {
      checkTeamName(to);
      return transport.append(inboxStream(to), {
        from: name,
        to,
        content,
        kind,
        sentAt: new Date().toISOString(),
      });
    },
    read: (options = {}) =>
      oneAtATime(async () => {
        const after = await position();
        const entries = await transport.read(stream, after, options.limit);
        const last = entries.at(-1);
        if (last) await acknowledge(last.id);
        return entries.map((entry) => toMailboxMessage(entry, name));
      }),
    fetch: async (options = {}) => {
      const after = options.after ?? (await position());
      const entries = await transport.read(stream, after, options.limit);
      return entries.map((entry) => toMailboxMessage(entry, name));
    },
    acknowledge,
    recent: async (limit = 20) => {
      // Streams have no "last N" read on both backends: page through, keeping the newest `limit`.
      let newest: StreamEntry<unknown>[] = [];
      let from: string | undefined;
      for (;;) {
        const entries = await transport.read(stream, from, MAX_READ_LIMIT);
        newest = [...newest, ...entries].slice(-limit);
        const last = entries.at(-1);
        if (!last || entries.length < MAX_READ_LIMIT)
          return newest.map((entry) => toMailboxMessage(entry, name));
        from = last.id;
      }
    },
    peek: async () => {
      const after = await position();
      let count = 0;
      let from = after;
      for (;;) {
        const entries = await transport.read(stream, from, MAX_READ_LIMIT);
        count += entries.length;
        const last = entries.at(-1);
        if (!last || entries.length < MAX_READ_LIMIT) return count;
        from = last.id;
      }
    },
  };
}

/** A stored entry as a message; one that is not a mailbox message (edited by hand) says so instead of vanishing. */
function toMailboxMessage(entry: StreamEntry<unknown>, owner: string): MailboxMessage {
  const parsed = storedMessageSchema.safeParse(entry.message);
  if (parsed.success) return { id: entry.id, ...parsed.data };
  return {
    id: entry.id,
    from: "unknown",
    to: owner,
    content: `(entry ${entry.id} of this inbox is not a mailbox message and was skipped)`,
    kind: "message",
    sentAt: "",
  };
}
