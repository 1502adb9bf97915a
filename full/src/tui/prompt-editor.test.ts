// The prompt editor on a real TUI (virtual terminal): "❯ " before the first line, "  " before the others,
// rules across the whole width, the completion list indented under it, and no line wider than the screen.
import { type AutocompleteProvider, CURSOR_MARKER, TUI, visibleWidth } from "@mariozechner/pi-tui";
import { afterEach, describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { PromptEditor } from "./prompt-editor.ts";
import { createTuiTheme } from "./theme.ts";
import { createVirtualTerminal } from "./virtual-terminal.ts";

let running: TUI | undefined;
afterEach(() => {
  running?.stop();
  running = undefined;
});

function setup(columns: number, rows = 12, colored = false) {
  const terminal = createVirtualTerminal({ columns, rows });
  const tui = new TUI(terminal);
  const colors = createColors(colored);
  const editor = new PromptEditor(tui, createTuiTheme(colors).editor, colors);
  tui.addChild(editor);
  tui.setFocus(editor);
  tui.start();
  running = tui;
  return { terminal, tui, editor };
}

describe("PromptEditor", () => {
  it("puts ❯ before the first line and two spaces before the others, between full-width rules", async () => {
    const { terminal, editor } = setup(30);
    terminal.type("first line");
    terminal.type("\x1b[13;2~"); // Shift+Enter
    terminal.type("second line");
    await terminal.flush();
    expect(editor.getText()).toBe("first line\nsecond line");
    expect(terminal.screen().slice(0, 4)).toEqual([
      "─".repeat(30),
      "❯ first line",
      "  second line",
      "─".repeat(30),
    ]);
  });

  it("wraps long input inside the prompt column and never draws a line wider than the screen", async () => {
    const { terminal, editor } = setup(20, 12, true);
    terminal.type("word ".repeat(12));
    await terminal.flush();
    const screen = terminal.screen();
    expect(screen[1]?.startsWith("❯ word")).toBe(true);
    expect(screen[2]?.startsWith("  word")).toBe(true);
    for (const line of editor.render(20)) expect(visibleWidth(line)).toBeLessThanOrEqual(20);
  });

  it("keeps ❯ for the first line: scrolled down, the top line in view is indented and the rule says how many are above", async () => {
    const { terminal } = setup(30, 12);
    for (let line = 1; line <= 8; line++) terminal.type(`${line > 1 ? "\x1b[13;2~" : ""}line ${line}`);
    await terminal.flush();
    const screen = terminal.screen();
    expect(screen[0]).toMatch(/^─── ↑ 3 more ─+$/);
    expect(screen[1]).toBe("  line 4");
    expect(screen.join("\n")).not.toContain("❯");
  });

  it("draws its cursor in reverse video with colours on and draws no escape codes with them off", async () => {
    const colored = setup(30, 12, true);
    colored.terminal.type("ab");
    expect(colored.editor.render(30).join("\n")).toContain("\u001b[7m \u001b[0m");
    colored.tui.stop();
    const plain = setup(30, 12, false);
    plain.terminal.type("ab\x1b[D");
    const lines = plain.editor.render(30).map((line) => line.replace(CURSOR_MARKER, ""));
    expect(lines[1]?.trimEnd()).toBe("❯ ab");
    expect(lines.join("\n")).not.toContain("\u001b");
  });

  it("indents the completion list under the rule", async () => {
    const { terminal, editor } = setup(40);
    const provider: AutocompleteProvider = {
      async getSuggestions(lines, _line, col) {
        const prefix = (lines[0] ?? "").slice(0, col);
        if (!prefix.startsWith("/")) return null;
        return { prefix, items: [{ value: "/help", label: "/help", description: "list the commands" }] };
      },
      applyCompletion(_lines, line, _col, item) {
        return { lines: [item.value], cursorLine: line, cursorCol: item.value.length };
      },
    };
    editor.setAutocompleteProvider(provider);
    terminal.type("/");
    await terminal.flush();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await terminal.flush();
    const screen = terminal.screen();
    expect(screen[1]).toBe("❯ /");
    expect(screen[2]).toBe("─".repeat(40));
    expect(screen[3]).toMatch(/^ {2}→ \/help/);
  });
});
