// Test helper: runTui on a virtual terminal with a real session against testkit's fake API, its questions
// answered through a real ask channel; the screen as text, keys typed, waits that fail showing the screen.
import { EventEmitter } from "node:events";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { createAskChannel } from "@lcc/chapter-kit";
import type { Script } from "@lcc/testkit";
import { createColors } from "../terminal/colors.ts";
import { createTestSession } from "../test-harness.ts";
import { runTui } from "./run-tui.ts";
import { createVirtualTerminal } from "./virtual-terminal.ts";

export interface TuiRunOptions {
  columns?: number;
  rows?: number;
  files?: Record<string, string>;
  initialPrompt?: string;
  banner?: string;
}

export type TuiRun = Awaited<ReturnType<typeof startTui>>;

/** Starts the TUI; `close()` leaves it (Ctrl-C until it exits) and removes the session, fake and workspace. */
export async function startTui(script: Script, options: TuiRunOptions = {}) {
  const channel = createAskChannel();
  const test = await createTestSession(script, {
    ask: channel.ask,
    ...(options.files ? { files: options.files } : {}),
  });
  const terminal = createVirtualTerminal({ columns: options.columns ?? 80, rows: options.rows ?? 30 });
  const sigint = new EventEmitter();
  const tty = Object.assign(new PassThrough(), { isTTY: true });
  let exited = false;
  const done = runTui({
    session: test.session,
    input: tty,
    output: tty,
    colors: createColors(false),
    workspace: test.workspace,
    historyPath: join(test.workspace, ".lcc", "history"),
    demo: false,
    animate: true,
    askChannel: channel,
    sigintSource: sigint,
    terminal,
    ...(options.initialPrompt ? { initialPrompt: options.initialPrompt } : {}),
    ...(options.banner ? { banner: options.banner } : {}),
  }).finally(() => {
    exited = true;
  });
  const screen = () => terminal.screen().join("\n");
  /** Resolves with the screen once `predicate` holds; rejects after `timeoutMs` showing it. */
  const waitForScreen = async (predicate: (text: string) => boolean, what: string, timeoutMs = 15_000) => {
    const started = Date.now();
    for (;;) {
      await terminal.flush();
      const text = screen();
      if (predicate(text)) return text;
      if (Date.now() - started > timeoutMs)
        throw new Error(`timed out waiting for ${what}; the screen shows:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  };
  const type = async (data: string) => {
    terminal.type(data);
    await terminal.flush();
  };
  return {
    ...test,
    terminal,
    sigint,
    done,
    exited: () => exited,
    screen,
    waitForScreen,
    type,
    /** The input's text as shown: the rows between the last two rules, without the prompt column. */
    input(): string {
      const lines = terminal.screen();
      const rules = lines.flatMap((line, index) => (/^─{20,}$/.test(line) ? [index] : []));
      const [top, bottom] = rules.slice(-2);
      if (top === undefined || bottom === undefined) return "";
      return lines
        .slice(top + 1, bottom)
        .map((line) => line.slice(2))
        .join("\n")
        .trimEnd();
    },
    async close() {
      for (let press = 0; press < 6 && !exited; press++) {
        terminal.type("\x03");
        await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 100))]);
      }
      await done;
      await test.cleanup();
    },
  };
}
