// The session's event stream: listeners, the notices raised before anyone could listen, and setup
// notices said once per process (a new conversation's setup finds the same skipped files again).
import type { AgentEvent } from "@lcc/s02";

export interface SessionEvents {
  /** Delivers an event to every listener; during start-up it is also kept for the first listener. */
  emit(event: AgentEvent): void;
  /**
   * Builds a setup with an emit of its own: notices raised while building pass once per text, those
   * raised later (by its tools and hooks) always pass.
   */
  buildSetup<Setup>(build: (emit: (event: AgentEvent) => void) => Setup): Setup;
  /** Ends start-up: from now on events reach only the listeners subscribed when they happen. */
  endStartup(): void;
  /** Subscribes; the first listener also receives what start-up kept. Returns the unsubscribe. */
  subscribe(listener: (event: AgentEvent) => void): () => void;
}

export function createSessionEvents(): SessionEvents {
  const listeners = new Set<(event: AgentEvent) => void>();
  let startupEvents: AgentEvent[] | undefined = [];
  let kept: AgentEvent[] = [];
  const setupNotices = new Set<string>();
  let building = false;
  const emit = (event: AgentEvent) => {
    startupEvents?.push(event);
    for (const listener of listeners) listener(event);
  };
  const setupEmit = (event: AgentEvent) => {
    if (building && event.type === "notice") {
      if (setupNotices.has(event.text)) return;
      setupNotices.add(event.text);
    }
    emit(event);
  };
  return {
    emit,
    buildSetup(build) {
      building = true;
      try {
        return build(setupEmit);
      } finally {
        building = false;
      }
    },
    endStartup() {
      kept = startupEvents ?? [];
      startupEvents = undefined;
    },
    subscribe(listener) {
      if (listeners.size === 0) for (const event of kept.splice(0)) listener(event);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
