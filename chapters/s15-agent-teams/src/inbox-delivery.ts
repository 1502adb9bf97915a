// Brings an inbox into an agent's message queue (the s02 seam): what arrives is pushed once, and the
// cursor moves only when the loop takes it into a model call, so a crash before then delivers it again.
import type { MessageQueue } from "@lcc/s02";
import type { CronClock, CronTimer } from "@lcc/s14";
import type { Mailbox, MailboxMessage } from "./mailbox.ts";
import { DEFAULT_READ_LIMIT } from "./transport/team-transport.ts";

/** How often an inbox is read for messages from other processes (this process's own wake at once). */
export const DEFAULT_INBOX_POLL_MS = 1000;

export interface InboxDeliveryOptions {
  mailbox: Mailbox;
  queue: MessageQueue;
  clock: CronClock;
  /** Milliseconds between reads (default DEFAULT_INBOX_POLL_MS); 0 reads only when `check` is called. */
  pollMs?: number;
  /** A failed read (the transport is down): reported here once, tried again at each poll. */
  onError(error: unknown): void;
  /** Told of each batch pushed into the queue (the team emits `inbox_queued`). Must not throw. */
  onQueued?(messages: readonly MailboxMessage[]): void;
}

export interface InboxDelivery {
  /** Reads what arrived and queues it; resolves with how many messages were queued. Calls run one at a time. */
  check(): Promise<number>;
  /** Stops polling; queued messages stay queued (and unacknowledged until drained). */
  stop(): void;
  /** Resolves once every acknowledgement started so far was written (a failure is reported, not thrown). */
  flush(): Promise<void>;
}

/** The text a batch of messages adds to the model call: one block the model reads as the team's mail. */
export function formatInbox(messages: readonly MailboxMessage[]): string {
  const lines = messages.map(
    (message) =>
      `<message from="${message.from}" kind="${message.kind}" sent="${message.sentAt}">\n${message.content}\n</message>`,
  );
  return `<team-inbox>\n${lines.join("\n")}\n</team-inbox>`;
}

/** Starts delivering `mailbox` into `queue` (an immediate read, then every pollMs). */
export function deliverInbox(options: InboxDeliveryOptions): InboxDelivery {
  const { mailbox, queue, clock } = options;
  const pollMs = options.pollMs ?? DEFAULT_INBOX_POLL_MS;
  // Up to where messages were queued; undefined: from the acknowledged cursor.
  let queuedUpTo: string | undefined;
  let running: Promise<number> = Promise.resolve(0);
  let timer: CronTimer | undefined;
  let stopped = false;
  const acknowledging = new Set<Promise<void>>();

  // Reads page after page until a short one: a backlog (a restart after a crash) is queued at once, not
  // one page per poll. Each page is one queued message, acknowledged when the loop drains it.
  const readOnce = async (): Promise<number> => {
    let queued = 0;
    while (!stopped) {
      const messages = await mailbox.fetch({
        ...(queuedUpTo === undefined ? {} : { after: queuedUpTo }),
        limit: DEFAULT_READ_LIMIT,
      });
      const last = messages.at(-1);
      if (!last) break;
      queuedUpTo = last.id;
      queue.push({
        source: `inbox:${mailbox.name}`,
        content: formatInbox(messages),
        onDrained: () => {
          const written: Promise<void> = mailbox
            .acknowledge(last.id)
            .catch(options.onError)
            .finally(() => acknowledging.delete(written));
          acknowledging.add(written);
        },
      });
      options.onQueued?.(messages);
      queued += messages.length;
      if (messages.length < DEFAULT_READ_LIMIT) break;
    }
    return queued;
  };
  // The same failure at every poll (a refused team folder, Redis down) is reported once, until a read works.
  let lastFailure: string | undefined;
  const check = () => {
    running = running
      .then(readOnce)
      .then((count) => {
        lastFailure = undefined;
        return count;
      })
      .catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        if (text !== lastFailure) options.onError(error);
        lastFailure = text;
        return 0;
      });
    return running;
  };
  const poll = () => {
    if (stopped || pollMs <= 0) return;
    timer = clock.setTimer(() => {
      void check().finally(poll);
    }, pollMs);
  };
  void check().finally(poll);
  return {
    check,
    stop() {
      stopped = true;
      timer?.cancel();
    },
    async flush() {
      await Promise.all([...acknowledging]);
    },
  };
}
