// A line REPL with turn abort: Ctrl-C aborts a running turn, clears a typed line, or (on an empty
// prompt) exits, as Ctrl-D does. It also answers the ask channel and runs work that wakes it when idle.
import { createInterface } from "node:readline";
import { type AskChannel, type AskRequest, type AskUser, parseAskAnswer } from "./ask.ts";
import { createMutableOutput } from "./mutable-output.ts";

/** A key as readline decodes it (Shift+Tab: name "tab", shift true, sequence "\x1b[Z"). */
export interface ReplKey {
  name?: string | undefined;
  shift?: boolean | undefined;
  ctrl?: boolean | undefined;
  meta?: boolean | undefined;
  sequence?: string | undefined;
}

export interface ReplOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** The prompt, or a function read each time the prompt is drawn (it may show a mode that changes). */
  prompt: string | (() => string);
  /** Handles one line. The signal aborts when the user presses Ctrl-C during the turn. */
  onLine: (line: string, signal: AbortSignal) => Promise<void>;
  /** Process-level SIGINT source (omit in tests that drive the REPL in-process). */
  sigintSource?: NodeJS.EventEmitter;
  /** Lines remembered for arrow-up history (TTY only). */
  history?: string[];
  /** The REPL answers this channel's questions while it runs in a terminal (refused otherwise). */
  askChannel?: AskChannel;
  /**
   * Sees every key pressed in a terminal (after readline's own editing; not while a question waits for
   * its answer), for keys readline leaves alone such as Shift+Tab. Returns true when it acted on the key:
   * at an idle prompt the prompt is then drawn again (read anew), keeping the typed line.
   */
  onKey?: (key: ReplKey) => boolean;
  /** Work that arrives while the prompt is idle (queued messages): run like a turn, Ctrl-C aborts it. */
  wake?: { onPush(listener: () => void): () => void; run(signal: AbortSignal): Promise<unknown> };
  /**
   * Called once the REPL is up with `printAbove`: text for the user that arrives while the prompt waits
   * (a background command finished) is printed above the prompt, which is drawn again with what was
   * typed. During a turn, or without a terminal, it is simply written.
   */
  onReady?: (screen: { printAbove(text: string): void }) => void;
}

/**
 * Runs until end of input or an exit request. Lines are handled one at a time, in order; lines that
 * arrive during a turn wait, and are echoed after the prompt when their turn comes. In a terminal,
 * what is typed during a turn is not drawn over the streamed answer: it waits, unseen, and the prompt
 * shows it when the turn ends; Ctrl-C during a turn takes back whole lines typed ahead (they return to
 * the prompt, unsent). When stdin is not a TTY every line is echoed, so the transcript reads like a
 * session. Resolves when the REPL ends; never rejects for a failing line.
 */
export async function runRepl(options: ReplOptions): Promise<void> {
  const { input, output } = options;
  const interactive = Boolean(input.isTTY && output.isTTY);
  const screen = createMutableOutput(output);
  const rl = createInterface({
    input,
    output: interactive ? screen.stream : output,
    terminal: interactive,
    historySize: 500,
    ...(options.history ? { history: options.history } : {}),
  });
  const promptText = () => (typeof options.prompt === "function" ? options.prompt() : options.prompt);
  rl.setPrompt(promptText());
  const queue: Array<{ line: string; typedDuringTurn: boolean }> = [];
  let current: AbortController | undefined;
  /** Typed-ahead lines taken back by Ctrl-C, put into the next prompt's input line. */
  let heldBack = "";
  let closed = false;
  let woken = false;
  let wakeUp: (() => void) | undefined;
  let pendingAnswer: ((line: string) => void) | undefined;
  const wake = () => wakeUp?.();

  const clearLine = () => {
    // Ctrl-E then Ctrl-U: the whole line goes, wherever the cursor was.
    rl.write(null, { ctrl: true, name: "e" });
    rl.write(null, { ctrl: true, name: "u" });
  };
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
      screen.unmute();
      output.write(
        heldBack
          ? "\n^C interrupted (what you typed meanwhile is back at the prompt)\n"
          : "\n^C interrupted\n",
      );
    } else if (rl.line.length > 0) {
      clearLine();
    } else {
      output.write("\n");
      rl.close();
    }
  };
  rl.on("SIGINT", onInterrupt);
  options.sigintSource?.on("SIGINT", onInterrupt);
  rl.on("line", (line) => {
    if (pendingAnswer) return pendingAnswer(line);
    queue.push({ line, typedDuringTurn: current !== undefined });
    wake();
  });
  rl.on("close", () => {
    closed = true;
    pendingAnswer?.("");
    wake();
  });
  const stopWaking = options.wake?.onPush(() => {
    woken = true;
    wake();
  });
  if (interactive) options.askChannel?.serve(createTerminalAsk());
  const onKeypress = (_text: string | undefined, key: ReplKey | undefined) => {
    if (!key || !options.onKey || pendingAnswer || closed) return;
    if (!options.onKey(key) || current || queue.length > 0) return;
    rl.setPrompt(promptText());
    rl.prompt(true);
  };
  // readline decodes keys into 'keypress' events on the input only in terminal mode.
  if (interactive && options.onKey) input.on("keypress", onKeypress);

  /** Shows the prompt; in a terminal, with whatever was typed (unseen) during the turn, or held back. */
  const showPrompt = () => {
    if (!interactive || closed || queue.length > 0) return;
    screen.unmute();
    rl.setPrompt(promptText());
    rl.prompt(true);
    if (heldBack) rl.write(heldBack);
    heldBack = "";
  };
  const runTurn = async (work: (signal: AbortSignal) => Promise<void>) => {
    current = new AbortController();
    if (interactive) screen.mute();
    try {
      await work(current.signal);
    } catch (error) {
      output.write(`\nError: ${error instanceof Error ? error.message : String(error)}\n`);
    } finally {
      current = undefined;
      screen.unmute();
    }
  };

  function createTerminalAsk(): AskUser {
    return (request, signal) =>
      new Promise((resolve) => {
        if (signal.aborted || closed)
          return resolve({ kind: "unavailable", reason: "the turn was interrupted" });
        const finish = (answer: Parameters<typeof resolve>[0]) => {
          pendingAnswer = undefined;
          signal.removeEventListener("abort", onAbort);
          rl.setPrompt(promptText());
          if (current) screen.mute();
          resolve(answer);
        };
        const onAbort = () => finish({ kind: "unavailable", reason: "the turn was interrupted" });
        signal.addEventListener("abort", onAbort, { once: true });
        screen.unmute();
        output.write(`\n${describeQuestion(request)}\n`);
        clearLine();
        rl.setPrompt("answer › ");
        rl.prompt();
        pendingAnswer = (line) => {
          if (closed) return finish({ kind: "unavailable", reason: "input ended before an answer" });
          const answer = parseAskAnswer(line, request.choices);
          if (answer) return finish(answer);
          output.write(
            `Type 1–${request.choices.length} or a key (${request.choices.map((c) => c.key).join("/")}).\n`,
          );
          rl.prompt();
        };
      });
  }

  const printAbove = (text: string) => {
    if (!interactive || closed || current || pendingAnswer || queue.length > 0) {
      output.write(text);
      return;
    }
    output.write("\r\x1b[2K");
    output.write(text.endsWith("\n") ? text : `${text}\n`);
    rl.prompt(true);
  };
  options.onReady?.({ printAbove });

  showPrompt();
  try {
    while (true) {
      const entry = queue.shift();
      if (entry === undefined) {
        if (closed) break;
        if (woken && options.wake) {
          woken = false;
          await runTurn(async (signal) => {
            await options.wake!.run(signal);
          });
          showPrompt();
          continue;
        }
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
        });
        wakeUp = undefined;
        continue;
      }
      const text = entry.line.trim();
      if (text === "") {
        if (queue.length === 0) showPrompt();
        continue;
      }
      if (!interactive || entry.typedDuringTurn) output.write(`${promptText()}${text}\n`);
      if (text === "/exit" || text === "/quit") break;
      await runTurn((signal) => options.onLine(text, signal));
      showPrompt();
    }
  } finally {
    stopWaking?.();
    input.off("keypress", onKeypress);
    options.askChannel?.serve(undefined);
    options.sigintSource?.off("SIGINT", onInterrupt);
    rl.close();
  }
}

/**
 * The question as the terminal shows it: one box with who asks, the question, the detail (the exact
 * command or path, why it asks) and the numbered choices. Long lines are not cut: the detail must stay exact.
 */
export function describeQuestion(request: AskRequest): string {
  const choices = request.choices.map((choice, index) => `${index + 1}. ${choice.label}  [${choice.key}]`);
  const body = [request.question, ...(request.detail ? request.detail.split("\n") : []), "", ...choices];
  return [
    `╭─ ${request.source}`,
    ...body.map((line) => (line ? `│ ${line}` : "│")),
    request.takesText
      ? "╰─ answer with a number or a key; text after it goes along (n use pnpm instead)"
      : "╰─ answer with a number or a key",
  ].join("\n");
}
