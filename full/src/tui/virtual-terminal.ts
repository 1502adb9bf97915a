// A test terminal: pi-tui's `Terminal` on a headless xterm, so a test drives a real `TUI` in-process and
// reads the screen as text. Input goes through pi-tui's own StdinBuffer, as ProcessTerminal's does.
import { StdinBuffer, type Terminal } from "@mariozechner/pi-tui";
import xtermHeadless from "@xterm/headless";

/** A `Terminal` whose screen a test can read and whose keyboard it can type on. */
export interface VirtualTerminal extends Terminal {
  /** The visible rows (the viewport), each trimmed on the right; always `rows` entries. */
  screen(): string[];
  /** Every line xterm holds, scrollback first, trimmed on the right, trailing empty lines dropped. */
  scrollback(): string[];
  /** Feeds input as stdin would: split into key sequences, a lone Esc arrives after pi-tui's 10 ms. */
  type(data: string): void;
  /** Changes the size and tells the TUI, as SIGWINCH would. */
  resize(columns: number, rows: number): void;
  /** Waits until pending input is delivered, pending TUI renders ran and xterm parsed every write. */
  flush(): Promise<void>;
  /**
   * Flushes until `check(screen())` holds, for output that waits on real work (a file listing, a child
   * process); rejects after `timeoutMs` (default 5 s) with the screen in the message.
   */
  waitForScreen(check: (screen: string[]) => boolean, timeoutMs?: number): Promise<void>;
}

/** Long enough for pi-tui's 16 ms render throttle and its 10 ms lone-Esc timeout to have fired. */
const SETTLE_MS = 20;

/**
 * Creates a virtual terminal of `columns` × `rows`. Like a TTY in raw mode it turns LF into CR LF
 * (ONLCR stays on). Replies the emulator sends (device status, …) reach the TUI as input, as on a TTY.
 */
export function createVirtualTerminal(size: { columns: number; rows: number }): VirtualTerminal {
  const xterm = new xtermHeadless.Terminal({
    cols: size.columns,
    rows: size.rows,
    convertEol: true,
    scrollback: 10_000,
    allowProposedApi: true,
  });
  let inputHandler: ((data: string) => void) | undefined;
  let resizeHandler: (() => void) | undefined;
  let stdinBuffer: StdinBuffer | undefined;
  let writes = 0;
  let parsed = 0;

  const write = (data: string): void => {
    writes++;
    xterm.write(data, () => {
      parsed++;
    });
  };
  xterm.onData((reply) => stdinBuffer?.process(reply));

  const readLines = (from: number, to: number): string[] => {
    const buffer = xterm.buffer.active;
    const lines: string[] = [];
    for (let y = from; y < to; y++) lines.push((buffer.getLine(y)?.translateToString(true) ?? "").trimEnd());
    return lines;
  };

  return {
    start(onInput, onResize) {
      inputHandler = onInput;
      resizeHandler = onResize;
      stdinBuffer = new StdinBuffer({ timeout: 10 });
      stdinBuffer.on("data", (sequence) => inputHandler?.(sequence));
      stdinBuffer.on("paste", (content) => inputHandler?.(`\x1b[200~${content}\x1b[201~`));
      write("\x1b[?2004h");
    },
    stop() {
      write("\x1b[?2004l");
      stdinBuffer?.destroy();
      stdinBuffer = undefined;
      inputHandler = undefined;
      resizeHandler = undefined;
    },
    async drainInput() {},
    write,
    get columns() {
      return xterm.cols;
    },
    get rows() {
      return xterm.rows;
    },
    get kittyProtocolActive() {
      return false;
    },
    moveBy(lines) {
      if (lines > 0) write(`\x1b[${lines}B`);
      else if (lines < 0) write(`\x1b[${-lines}A`);
    },
    hideCursor: () => write("\x1b[?25l"),
    showCursor: () => write("\x1b[?25h"),
    clearLine: () => write("\x1b[K"),
    clearFromCursor: () => write("\x1b[J"),
    clearScreen: () => write("\x1b[2J\x1b[H"),
    setTitle: (title) => write(`\x1b]0;${title}\x07`),
    setProgress() {},

    screen() {
      const top = xterm.buffer.active.viewportY;
      return readLines(top, top + xterm.rows);
    },
    scrollback() {
      const lines = readLines(0, xterm.buffer.active.length);
      while (lines.length > 0 && lines.at(-1) === "") lines.pop();
      return lines;
    },
    type(data) {
      if (!stdinBuffer) throw new Error("virtual terminal: type() before start()");
      stdinBuffer.process(data);
    },
    resize(columns, rows) {
      xterm.resize(columns, rows);
      resizeHandler?.();
    },
    async waitForScreen(check, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await this.flush();
        const screen = this.screen();
        if (check(screen)) return;
        if (Date.now() > deadline)
          throw new Error(`virtual terminal: screen never matched:\n${screen.join("\n")}`);
      }
    },
    async flush() {
      // Each round lets timers fire (input timeout, render throttle), then waits for xterm to parse;
      // it ends when a round produced no new writes.
      for (let round = 0; round < 50; round++) {
        const before = writes;
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        await new Promise<void>((resolve) => xterm.write("", resolve));
        if (writes === before && parsed === writes) return;
      }
    },
  };
}
