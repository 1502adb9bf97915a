// Test helper: drives the real `lcc` in a tmux pseudo-terminal on a private server — commands, the screen
// as text, keys typed, and waits that fail with what the screen showed.
import { execFileSync } from "node:child_process";

export interface TmuxDriver {
  tmux(...args: string[]): string;
  /** The pane's text (`escapes`: with its colour codes). */
  screen(pane: string, escapes?: boolean): string;
  keys(pane: string, ...sequence: string[]): string;
  /** Resolves with the screen once `predicate` holds for it; rejects after `timeoutMs` showing it. */
  waitForScreen(
    pane: string,
    predicate: (text: string) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<string>;
  /** Resolves once `check()` holds (a file written, a process gone); rejects after `timeoutMs` showing the screen. */
  waitUntil(pane: string, check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
}

/** A driver for the tmux server `socket` (`tmux -L`), with no user configuration. */
export function createTmuxDriver(socket: string): TmuxDriver {
  const tmux = (...args: string[]) =>
    execFileSync("tmux", ["-L", socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
  const screen = (pane: string, escapes = false) =>
    tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", pane);
  const waitUntil = async (pane: string, check: () => boolean, what: string, timeoutMs = 40_000) => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`timed out waiting for ${what}; the screen shows:\n${screen(pane)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return {
    tmux,
    screen,
    keys: (pane, ...sequence) => tmux("send-keys", "-t", pane, ...sequence),
    async waitForScreen(pane, predicate, what, timeoutMs) {
      let last = "";
      await waitUntil(
        pane,
        () => {
          last = screen(pane);
          return predicate(last);
        },
        what,
        timeoutMs,
      );
      return last;
    },
    waitUntil,
  };
}
