// A line REPL with turn abort: Ctrl-C aborts a running turn, Ctrl-C on an empty prompt or Ctrl-D exits.
import { createInterface } from "node:readline";

export interface ReplOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  prompt: string;
  /** Handles one line. The signal aborts when the user presses Ctrl-C during the turn. */
  onLine: (line: string, signal: AbortSignal) => Promise<void>;
  /** Process-level SIGINT source (omit in tests that drive the REPL in-process). */
  sigintSource?: NodeJS.EventEmitter;
  /** Lines remembered for arrow-up history (TTY only). */
  history?: string[];
}

/**
 * Runs until end of input or an exit request. Lines are handled one at a time, in order; lines that
 * arrive during a turn wait, and are echoed after the prompt when their turn comes. In a terminal,
 * Ctrl-C during a turn also takes back the lines typed ahead: they return to the prompt, unsent, to
 * edit or send with Enter. When stdin is not a TTY every line is echoed, so the transcript reads like
 * a session (and Ctrl-C keeps scripted lines queued). Resolves when the REPL ends; never rejects for a
 * failing line.
 */
export async function runRepl(options: ReplOptions): Promise<void> {
  const { input, output } = options;
  const interactive = Boolean(input.isTTY && output.isTTY);
  const rl = createInterface({
    input,
    output,
    terminal: interactive,
    historySize: 500,
    ...(options.history ? { history: options.history } : {}),
  });
  rl.setPrompt(options.prompt);
  const queue: Array<{ line: string; typedDuringTurn: boolean }> = [];
  let current: AbortController | undefined;
  /** Typed-ahead text taken back by Ctrl-C, put into the next prompt's input line. */
  let heldBack = "";
  let closed = false;
  let wake: (() => void) | undefined;

  const onInterrupt = () => {
    if (current) {
      current.abort();
      if (interactive && queue.length > 0) {
        heldBack = queue
          .splice(0)
          .map((entry) => entry.line.trim())
          .filter(Boolean)
          .join(" ");
      }
      output.write(
        heldBack
          ? "\n^C interrupted (what you typed meanwhile is back at the prompt)\n"
          : "\n^C interrupted\n",
      );
    } else if (rl.line.length > 0) {
      rl.write(null, { ctrl: true, name: "u" });
    } else {
      output.write("\n");
      rl.close();
    }
  };
  rl.on("SIGINT", onInterrupt);
  options.sigintSource?.on("SIGINT", onInterrupt);
  rl.on("line", (line) => {
    queue.push({ line, typedDuringTurn: current !== undefined });
    wake?.();
  });
  rl.on("close", () => {
    closed = true;
    wake?.();
  });

  if (interactive) rl.prompt();
  try {
    while (true) {
      const entry = queue.shift();
      if (entry === undefined) {
        if (closed) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      const text = entry.line.trim();
      if (text === "") {
        if (interactive && !closed && queue.length === 0) rl.prompt();
        continue;
      }
      if (!interactive || entry.typedDuringTurn) output.write(`${options.prompt}${text}\n`);
      if (text === "/exit" || text === "/quit") break;
      current = new AbortController();
      try {
        await options.onLine(text, current.signal);
      } catch (error) {
        output.write(`\nError: ${error instanceof Error ? error.message : String(error)}\n`);
      } finally {
        current = undefined;
      }
      if (interactive && !closed && queue.length === 0) {
        rl.prompt();
        if (heldBack) rl.write(heldBack);
        heldBack = "";
      }
    }
  } finally {
    options.sigintSource?.off("SIGINT", onInterrupt);
    rl.close();
  }
}
