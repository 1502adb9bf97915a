// In-process wake-ups: when this process appends to an inbox, the reader in this process is told at once
// instead of at its next poll. Readers in other processes (or machines, on Redis) find it when they poll.

export interface TeamWakeups {
  /** Tells the listeners of `name` that its inbox (or its work) changed. Listener errors are ignored. */
  notify(name: string): void;
  /** Calls `listener` on every notify of `name`; returns the unsubscribe. */
  subscribe(name: string, listener: () => void): () => void;
}

export function createTeamWakeups(): TeamWakeups {
  const listeners = new Map<string, Set<() => void>>();
  return {
    notify(name) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          listener();
        } catch {
          // A reader's failure is its own; the sender's append already succeeded.
        }
      }
    },
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  };
}
