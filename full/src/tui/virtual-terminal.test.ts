// The virtual terminal drives a real pi-tui TUI: what it renders is readable as screen text, typed keys reach
// the focused Editor, resizes re-render, and flush() waits for the throttled render.
import { Editor, type EditorTheme, Text, TUI } from "@mariozechner/pi-tui";
import { afterEach, describe, expect, it } from "vitest";
import { createVirtualTerminal, type VirtualTerminal } from "./virtual-terminal.ts";

const plain = (text: string): string => text;
const theme: EditorTheme = {
  borderColor: plain,
  selectList: {
    selectedPrefix: plain,
    selectedText: plain,
    description: plain,
    scrollInfo: plain,
    noMatch: plain,
  },
};

let running: TUI | undefined;
afterEach(() => {
  running?.stop();
  running = undefined;
});

function setup(columns = 40, rows = 10): { terminal: VirtualTerminal; tui: TUI; text: Text; editor: Editor } {
  const terminal = createVirtualTerminal({ columns, rows });
  const tui = new TUI(terminal);
  const text = new Text("hello from the transcript", 0, 0);
  const editor = new Editor(tui, theme);
  tui.addChild(text);
  tui.addChild(editor);
  tui.setFocus(editor);
  tui.start();
  running = tui;
  return { terminal, tui, text, editor };
}

describe("createVirtualTerminal", () => {
  it("shows what the TUI rendered as screen lines, trimmed on the right", async () => {
    const { terminal } = setup();
    await terminal.flush();
    const screen = terminal.screen();
    expect(screen).toHaveLength(10);
    expect(screen[0]).toBe("hello from the transcript");
    expect(screen[1]).toMatch(/^─{40}$/);
    expect(screen[3]).toMatch(/^─{40}$/);
  });

  it("delivers typed keys to the focused editor, Enter submits and a lone Esc arrives", async () => {
    const { terminal, editor } = setup();
    const submitted: string[] = [];
    editor.onSubmit = (text) => submitted.push(text);
    terminal.type("fix the test");
    await terminal.flush();
    expect(terminal.screen()[2]).toContain("fix the test");
    terminal.type("\r");
    await terminal.flush();
    expect(submitted).toEqual(["fix the test"]);
    expect(terminal.screen()[2]?.trim()).toBe("");

    const seen: string[] = [];
    running?.addInputListener((data) => {
      seen.push(data);
      return undefined;
    });
    terminal.type("\x1b");
    await terminal.flush();
    expect(seen).toEqual(["\x1b"]);
  });

  it("passes a bracketed paste through as one paste", async () => {
    const { terminal, editor } = setup();
    terminal.type("\x1b[200~line one\nline two\x1b[201~");
    await terminal.flush();
    expect(editor.getText()).toBe("line one\nline two");
  });

  it("re-renders at the new width after resize", async () => {
    const { terminal, text } = setup();
    await terminal.flush();
    text.setText("a long line that needs more than twenty columns");
    terminal.resize(20, 10);
    await terminal.flush();
    expect(terminal.columns).toBe(20);
    const screen = terminal.screen();
    expect(screen.every((line) => line.length <= 20)).toBe(true);
    expect(screen.join(" ")).toContain("twenty");
  });

  it("waits for the screen to show what slow work renders, and says what it showed when it never does", async () => {
    const { terminal, text, tui } = setup();
    setTimeout(() => {
      text.setText("rendered late");
      tui.requestRender();
    }, 150);
    await terminal.waitForScreen((screen) => screen[0] === "rendered late");
    await expect(terminal.waitForScreen((screen) => screen[0] === "never", 100)).rejects.toThrow(
      /screen never matched:\nrendered late/,
    );
  });

  it("keeps lines that scrolled off the screen in scrollback()", async () => {
    const { terminal, text, tui } = setup(40, 5);
    text.setText(Array.from({ length: 12 }, (_, index) => `line ${index + 1}`).join("\n"));
    tui.requestRender();
    await terminal.flush();
    expect(terminal.screen()).not.toContain("line 1");
    expect(terminal.scrollback()).toContain("line 1");
    expect(terminal.scrollback()).toContain("line 12");
  });
});
