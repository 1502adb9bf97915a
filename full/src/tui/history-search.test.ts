// Ctrl-R history search: matches newest first, case-insensitive; older/newer with the arrows and Ctrl-R; Enter
// picks the whole entry, Esc cancels; shown on the virtual terminal as a query line and rows.
import { TUI } from "@mariozechner/pi-tui";
import { afterEach, describe, expect, it } from "vitest";
import { createHistorySearch, type HistorySearch } from "./history-search.ts";
import { createVirtualTerminal } from "./virtual-terminal.ts";

const UP = "\x1b[A";
const DOWN = "\x1b[B";
const CTRL_R = "\x12";
const ENTER = "\r";
const ESC = "\x1b";

const history = ["npm test", "Fix the parser\nand its tests", "git status", "fix lint", "npm test"];

/** Rendered lines without colour codes. */
const bare = (lines: string[]): string[] => lines.map((line) => line.replace(/\x1b\[[0-9;]*m/g, ""));

function setup(entries: readonly string[] = history, maxVisible?: number) {
  const picked: string[] = [];
  let cancelled = 0;
  const search = createHistorySearch({
    entries,
    ...(maxVisible ? { maxVisible } : {}),
    onPick: (text) => picked.push(text),
    onCancel: () => cancelled++,
  });
  const type = (...keys: string[]) => {
    for (const key of keys) search.handleInput?.(key);
  };
  return { search, picked, cancelled: () => cancelled, type };
}

describe("createHistorySearch", () => {
  it("lists every entry newest first, repeats once, before anything is typed", () => {
    const { search } = setup();
    expect(search.matches()).toEqual(["npm test", "fix lint", "git status", "Fix the parser\nand its tests"]);
    expect(search.selected()).toBe("npm test");
  });

  it("keeps the entries containing the query, ignoring case", () => {
    const { search, type } = setup();
    type("F", "I", "X");
    expect(search.query()).toBe("FIX");
    expect(search.matches()).toEqual(["fix lint", "Fix the parser\nand its tests"]);
    type("\x7f", "\x7f", "\x7f", "z", "z");
    expect(search.matches()).toEqual([]);
  });

  it("goes older with ↑ or Ctrl-R and newer with ↓, within the matches, back to the newest as the query changes", () => {
    const { search, type } = setup();
    type("f");
    expect(search.selected()).toBe("fix lint");
    type(CTRL_R);
    expect(search.selected()).toBe("Fix the parser\nand its tests");
    type(UP, UP);
    expect(search.selected()).toBe("Fix the parser\nand its tests");
    type(DOWN, DOWN);
    expect(search.selected()).toBe("fix lint");
    type(UP, "i");
    expect(search.selected()).toBe("fix lint");
  });

  it("picks the whole selected entry with Enter, multi-line kept", () => {
    const { picked, type } = setup();
    type("pars", ENTER);
    expect(picked).toEqual(["Fix the parser\nand its tests"]);
  });

  it("cancels on Esc, Ctrl-C, Ctrl-G, and on Enter when nothing matches", () => {
    const { picked, cancelled, type } = setup();
    type(ESC, "\x03", "\x07", "zzz", ENTER);
    expect(cancelled()).toBe(4);
    expect(picked).toEqual([]);
  });

  it("renders a hint, the query and the rows, multi-line entries on one row, and where the selection is", () => {
    const { search, type } = setup(history, 2);
    type(UP, UP);
    const lines = bare(search.render(40));
    expect(lines[0]).toBe("search history · ↑/ctrl+r older · ↓ new…");
    expect(lines[1]?.startsWith("> ")).toBe(true);
    expect(lines.slice(2)).toEqual(["  fix lint", "❯ git status", "  (3/4)"]);
    type(UP);
    expect(bare(search.render(40)).slice(2)).toEqual([
      "  git status",
      "❯ Fix the parser ↵ and its tests",
      "  (4/4)",
    ]);
    type("zz");
    expect(bare(search.render(40)).slice(2)).toEqual(["  no match"]);
  });
});

describe("on a terminal", () => {
  let tui: TUI | undefined;
  afterEach(() => tui?.stop());

  it("shows the query and the matches and hands back the pick", async () => {
    const terminal = createVirtualTerminal({ columns: 50, rows: 8 });
    tui = new TUI(terminal);
    const picked: string[] = [];
    const search: HistorySearch = createHistorySearch({
      entries: history,
      onPick: (text) => picked.push(text),
      onCancel: () => {},
    });
    tui.addChild(search);
    tui.setFocus(search);
    tui.start();
    terminal.type("git");
    await terminal.flush();
    expect(terminal.screen().slice(0, 3)).toEqual([
      "search history · ↑/ctrl+r older · ↓ newer · enter…",
      "> git",
      "❯ git status",
    ]);
    terminal.type(ENTER);
    await terminal.flush();
    expect(picked).toEqual(["git status"]);
  });
});
