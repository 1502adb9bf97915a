// The message queue seam: text that arrives while the agent works or idles (background results, cron
// prompts, inbox messages, steering) waits here and rides along with the next model call.
import type { UserContentBlock } from "@lcc/s01";

export interface QueuedMessage {
  /** Who queued it ("background", "cron", "inbox:alice"): shown to the user, never to the model. */
  source: string;
  /** Already formatted for the model (e.g. wrapped in <system-reminder> or <background-results>). */
  content: string | UserContentBlock[];
  /**
   * Waits for the next run of the loop instead of joining a running one (s14's cron prompts: a
   * scheduled prompt is a new request, never slipped between a turn's tool calls).
   */
  betweenTurns?: boolean;
  /**
   * Called once when a drain hands the message to the loop (it rides on the next model call). s15's
   * inbox acknowledges a message here, not when it was queued, so a crash before then delivers it again.
   * Must not throw (a throw is swallowed).
   */
  onDrained?: () => void;
}

/** Which messages a drain takes: all of them, or only those that may join a running turn. */
export type DrainScope = "all" | "running_turn";

export interface MessageQueue {
  /** Adds a message and wakes whoever listens (an idle REPL runs a turn for it). Never throws. */
  push(message: QueuedMessage): void;
  /** Removes and returns the messages of `scope` (default all), oldest first; the others stay queued. */
  drain(scope?: DrainScope): QueuedMessage[];
  size(scope?: DrainScope): number;
  /**
   * Removes and returns the messages `source` queued, oldest first, without delivering them (their
   * onDrained is not called); the others stay queued, in order. lcc takes back what the user typed with it.
   */
  withdraw(source: string): QueuedMessage[];
  /** Called after every push; returns the unsubscribe. Listener errors are the listener's problem. */
  onPush(listener: () => void): () => void;
}

/**
 * The loop's rules (agent-loop.ts): before every model call the queue is drained into the last user
 * message, after any tool results (a run's first call takes every message, later calls only those
 * without `betweenTurns`); when the model stops while such messages wait, the loop continues with them
 * (reason "queued_messages") instead of ending; between turns an idle REPL wakes on push.
 */
export function createMessageQueue(): MessageQueue {
  const items: QueuedMessage[] = [];
  const listeners = new Set<() => void>();
  return {
    push(message) {
      items.push(message);
      for (const listener of [...listeners]) listener();
    },
    drain(scope = "all") {
      const taken = scope === "all" ? items.splice(0) : items.filter((item) => !item.betweenTurns);
      if (scope !== "all") items.splice(0, items.length, ...items.filter((item) => item.betweenTurns));
      for (const item of taken) {
        try {
          item.onDrained?.();
        } catch {
          // The queue's caller is the loop: a listener's failure must not end a turn.
        }
      }
      return taken;
    },
    withdraw(source) {
      const taken = items.filter((item) => item.source === source);
      if (taken.length > 0) items.splice(0, items.length, ...items.filter((item) => item.source !== source));
      return taken;
    },
    size: (scope = "all") =>
      scope === "all" ? items.length : items.filter((item) => !item.betweenTurns).length,
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
