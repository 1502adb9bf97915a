// The message queue seam: text that arrives while the agent works or idles (background results, cron
// prompts, inbox messages, steering) waits here and rides along with the next model call.
import type { UserContentBlock } from "@lcc/s01";

export interface QueuedMessage {
  /** Who queued it ("background", "cron", "inbox:alice"): shown to the user, never to the model. */
  source: string;
  /** Already formatted for the model (e.g. wrapped in <system-reminder> or <background-results>). */
  content: string | UserContentBlock[];
}

export interface MessageQueue {
  /** Adds a message and wakes whoever listens (an idle REPL runs a turn for it). Never throws. */
  push(message: QueuedMessage): void;
  /** Removes and returns everything queued, oldest first. */
  drain(): QueuedMessage[];
  size(): number;
  /** Called after every push; returns the unsubscribe. Listener errors are the listener's problem. */
  onPush(listener: () => void): () => void;
}

/**
 * The loop's rules (agent-loop.ts): before every model call the queue is drained into the last user
 * message, after any tool results; when the model stops while messages wait, the loop continues with
 * them (reason "queued_messages") instead of ending; between turns an idle REPL wakes on push.
 */
export function createMessageQueue(): MessageQueue {
  const items: QueuedMessage[] = [];
  const listeners = new Set<() => void>();
  return {
    push(message) {
      items.push(message);
      for (const listener of [...listeners]) listener();
    },
    drain: () => items.splice(0),
    size: () => items.length,
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The blocks a drained batch adds to a user message, in queue order. */
export function queuedBlocks(messages: readonly QueuedMessage[]): UserContentBlock[] {
  return messages.flatMap((message) =>
    typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content,
  );
}
