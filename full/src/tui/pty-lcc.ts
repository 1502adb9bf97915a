// Test helper for the TUI's pty tests: the real `lcc` (the bundle vitest's global setup built) in a private
// tmux server with extended keys on, so Shift+Enter reaches it as a modified key, against testkit's fake API.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RecordedRequest } from "@lcc/testkit";
import { atPrompt, createTmuxDriver, type TmuxDriver } from "../terminal/tmux-driver.ts";
import { launcherPath } from "../test-harness.ts";

export interface PtyLccOptions {
  /** The tmux server's socket name, unique per test file. */
  socket: string;
  workspace: string;
  baseURL: string;
  /** Extra environment (NO_COLOR=1); the rest is PATH, LANG, a fresh HOME, TERM=xterm-256color and the fake's key. */
  env?: Record<string, string>;
  flags?: string[];
  columns?: number;
  rows?: number;
}

export interface PtyLcc {
  driver: TmuxDriver;
  pane: string;
  /** Types `text` as it is (no key names). */
  type(text: string): void;
  /** Presses tmux keys: "Enter", "S-Enter", "Escape", "C-c", "BTab", "Tab". */
  press(...keys: string[]): void;
  /** The pane's text (`escapes`: with its colour codes); `history`: the scrollback too, wrapped rows joined. */
  screen(options?: { escapes?: boolean; history?: boolean }): string;
  /** Resolves with the screen once `predicate` holds; rejects after `timeoutMs` showing it. */
  waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  /**
   * Waits for the first prompt and for lcc's modified keys: pi-tui asks for xterm's modifyOtherKeys 150 ms
   * after it starts, and until then tmux cannot send Shift+Enter (it types "S-Enter" instead). Probes
   * with Shift+Enter until it adds a line, then removes that line.
   */
  ready(): Promise<void>;
  /** Kills the tmux server (and lcc with it) and removes the HOME. */
  close(): void;
}

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * Starts `lcc` in a new tmux server and returns its pane. The pane's command prints "[exited N]" when
 * lcc ends and stays open, so a test reads what was left on the screen.
 */
export function launchPtyLcc(options: PtyLccOptions): PtyLcc {
  const driver = createTmuxDriver(options.socket);
  const home = mkdtempSync(join(tmpdir(), "lcc-pty-home-"));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LANG: process.env.LANG ?? "C.UTF-8",
    HOME: home,
    SHELL: "/bin/bash",
    TERM: "xterm-256color",
    ANTHROPIC_API_KEY: "test-key",
    ANTHROPIC_BASE_URL: options.baseURL,
    ...options.env,
  };
  const assignments = Object.entries(env).map(([name, value]) => `${name}=${quote(value)}`);
  const command = [
    `cd ${quote(options.workspace)} &&`,
    `env -i ${assignments.join(" ")}`,
    `${quote(process.execPath)} ${quote(launcherPath)} ${(options.flags ?? []).map(quote).join(" ")};`,
    `echo "[exited $?]"; sleep 120`,
  ].join(" ");
  const [columns, rows] = [String(options.columns ?? 100), String(options.rows ?? 40)];
  // extended-keys: lcc asks for xterm's modifyOtherKeys, and tmux then sends Shift+Enter as CSI 27;2;13~.
  driver.tmux(
    ...["start-server", ";", "set", "-s", "extended-keys", "on", ";"],
    ...["new-session", "-d", "-s", "lcc", "-x", columns, "-y", rows, command],
  );
  const pane = "lcc:0.0";
  const waitFor = (predicate: (screen: string) => boolean, what: string, timeoutMs = 20_000) =>
    driver.waitForScreen(pane, predicate, what, timeoutMs);
  return {
    driver,
    pane,
    type: (text) => void driver.keys(pane, "-l", text),
    press: (...keys) => void driver.keys(pane, ...keys),
    screen: ({ escapes = false, history = false } = {}) =>
      history
        ? driver.tmux("capture-pane", "-p", "-J", "-S", "-", ...(escapes ? ["-e"] : []), "-t", pane)
        : driver.screen(pane, escapes),
    waitFor,
    async ready() {
      await waitFor((screen) => atPrompt(screen), "the first prompt");
      for (let attempt = 0; attempt < 50; attempt++) {
        driver.keys(pane, "S-Enter");
        await new Promise((resolve) => setTimeout(resolve, 200));
        const rows = inputRows(driver.screen(pane));
        if (rows[0] === "❯" && rows.length >= 2 && rows.slice(1).every((row) => row === "")) {
          for (const _row of rows.slice(1)) driver.keys(pane, "BSpace");
          await waitFor((screen) => atPrompt(screen), "the probe's lines removed");
          return;
        }
        // Typed as text ("S-Enter"): cleared, and tried again once lcc has asked for modified keys.
        if (rows.join("|") !== "❯") driver.keys(pane, "C-u");
      }
      throw new Error(`Shift+Enter never reached lcc; the screen shows:\n${driver.screen(pane)}`);
    },
    close() {
      try {
        driver.tmux("kill-server");
      } catch {
        // the server is gone already
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The rows of the TUI's input: between the last two full-width rules, trailing spaces removed. */
export function inputRows(screen: string): string[] {
  const lines = screen.split("\n").map((line) => line.trimEnd());
  const rules = lines.flatMap((line, index) => (/^─{20,}$/.test(line) ? [index] : []));
  const [top, bottom] = [rules.at(-2), rules.at(-1)];
  return top !== undefined && bottom !== undefined ? lines.slice(top + 1, bottom) : [];
}

/** The rows under the input's bottom rule: the completion list, then the status line. */
export function rowsBelowInput(screen: string): string[] {
  const lines = screen.split("\n").map((line) => line.trimEnd());
  const bottom = lines.findLastIndex((line) => /^─{20,}$/.test(line));
  return bottom >= 0 ? lines.slice(bottom + 1).filter((line) => line !== "") : [];
}

/** The text blocks of a request's last message (a string content is one block). */
export function lastUserTexts(request: RecordedRequest | undefined): string[] {
  const content = request?.body.messages.at(-1)?.content;
  if (typeof content === "string") return [content];
  return (content ?? []).flatMap((block) => (block.type === "text" ? [block.text] : []));
}

/** The typed prompt of a request: its last message's last text that is not a system reminder. */
export function typedPrompt(request: RecordedRequest | undefined): string {
  return (
    lastUserTexts(request)
      .filter((text) => !text.startsWith("<system-reminder>"))
      .at(-1) ?? ""
  );
}
