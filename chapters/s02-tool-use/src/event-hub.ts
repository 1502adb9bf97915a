// The session's event stream: subscribers, plus the notices raised before anyone subscribed (a setup's
// warnings while it was built) kept for the first subscriber.
import type { AgentEvent } from "./events.ts";

export interface EventHub {
  /** Delivers to every subscriber; until a replaying subscriber arrives, a notice is also kept for it. */
  emit(event: AgentEvent): void;
  /**
   * Subscribes; the first subscriber that does not pass `{ replay: false }` also receives what was
   * kept (an internal listener such as a session log passes it, so the UI still gets the notices).
   * Returns the unsubscribe.
   */
  subscribe(listener: (event: AgentEvent) => void, options?: { replay?: boolean }): () => void;
}

/** Notices kept for the first subscriber, at most. */
const MAX_KEPT = 100;

export function createEventHub(): EventHub {
  const listeners = new Set<(event: AgentEvent) => void>();
  const kept: AgentEvent[] = [];
  let replayed = false;
  return {
    emit(event) {
      // Only notices wait (what a setup said while nobody listened), and only so many: memory stays bounded.
      if (!replayed && event.type === "notice" && kept.length < MAX_KEPT) kept.push(event);
      for (const listener of [...listeners]) listener(event);
    },
    subscribe(listener, options = {}) {
      listeners.add(listener);
      if (options.replay !== false && !replayed) {
        replayed = true;
        for (const event of kept.splice(0)) listener(event);
      }
      return () => listeners.delete(listener);
    },
  };
}
