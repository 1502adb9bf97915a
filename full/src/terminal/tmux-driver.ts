// Test helper: drives the real `lcc` in a tmux pseudo-terminal on a private server — commands, the screen
// as text, keys typed, waits that fail with what the screen showed, and the TUI's input and status rows.
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

/** The screen's rows and where the TUI's input sits: between the last two full-width rules. */
function inputRows(text: string): { lines: string[]; top: number; bottom: number } {
  const lines = text.split("\n").map((line) => line.trimEnd());
  const rules = lines.flatMap((line, index) => (/^─{40,}$/.test(line) ? [index] : []));
  return { lines, top: rules.at(-2) ?? -1, bottom: rules.at(-1) ?? -1 };
}

/** The TUI input's first row: "❯" when empty, "❯ /cost" with text; "" while a dialog replaces it. */
export function inputLine(text: string): string {
  const { lines, top, bottom } = inputRows(text);
  return top >= 0 && bottom > top ? (lines[top + 1] ?? "") : "";
}

/** The TUI's status line: the row under the input ("claude-… · default mode (shift+tab) · …"). */
export function statusLine(text: string): string {
  const { lines, bottom } = inputRows(text);
  return bottom >= 0 ? (lines[bottom + 1] ?? "") : "";
}

/** The TUI is idle with an empty input: no turn's activity line, nothing typed. */
export function atPrompt(text: string): boolean {
  return inputLine(text) === "❯" && !text.includes("esc to interrupt");
}
