// What outlives one conversation: a setup is built again on /clear and on a resume, but running
// commands (s13) and a scheduler (s14) belong to the session, and are stopped once, when it closes.

export interface SessionScope {
  /**
   * The value kept under `key` for this session: made by `make` the first time, the same object after
   * every rebuilt setup. A chapter keys it by its own name ("s13:background").
   */
  keep<T>(key: string, make: () => T): T;
  /**
   * Runs `close` when the session closes (the REPL ended, lcc exits), latest first. A failing closer is
   * reported by the session and the others still run.
   */
  onClose(close: () => void | Promise<void>): void;
}

export interface ClosableScope extends SessionScope {
  /** Runs the closers once (later calls wait for the same run); returns the failures. */
  close(): Promise<unknown[]>;
}

export function createSessionScope(): ClosableScope {
  const kept = new Map<string, unknown>();
  const closers: Array<() => void | Promise<void>> = [];
  let closing: Promise<unknown[]> | undefined;
  return {
    keep<T>(key: string, make: () => T): T {
      if (!kept.has(key)) kept.set(key, make());
      return kept.get(key) as T;
    },
    onClose(close) {
      closers.push(close);
    },
    close() {
      closing ??= (async () => {
        const failures: unknown[] = [];
        for (const close of closers.splice(0).reverse()) {
          try {
            await close();
          } catch (error) {
            failures.push(error);
          }
        }
        return failures;
      })();
      return closing;
    },
  };
}
