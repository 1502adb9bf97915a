// The prompt: pi-tui's Editor (multi-line, word editing, kill ring, undo, paste markers, ↑/↓ history,
// the completion list) between two rules, with "❯ " before the first line of text and "  " before the others;
// with colours off it draws no escape codes at all (the terminal's cursor shows where typing goes).
import { Editor, type EditorOptions, type EditorTheme, type TUI } from "@mariozechner/pi-tui";
import type { Colors } from "../terminal/colors.ts";

/** Zero-width tag the border colour adds so render() can tell the rules from the text; removed before drawing. */
const RULE_TAG = "\u0000rule\u0000";
const PROMPT_COLUMNS = 2;
/** How the Editor shows a collapsed paste: "[paste #1 +40 lines]". */
const PASTE_MARKER = /\[paste #\d+(?: [^\]]*)?\]/;
/** The Editor's drawn cursor: the character under it in reverse video. */
const REVERSE_CURSOR = /\u001b\[7m([\s\S]*?)\u001b\[0m/g;

export class PromptEditor extends Editor {
  private readonly ruleColor: (text: string) => string;
  private readonly promptMark: string;
  /** Colours off (NO_COLOR): no reverse-video cursor either; the shell shows the terminal's own cursor. */
  private readonly plain: boolean;
  /** The input as drawn before the key being handled (pastes still collapsed). */
  private drawnBeforeKey = "";

  constructor(tui: TUI, theme: EditorTheme, colors: Colors, options?: EditorOptions) {
    super(tui, theme, options);
    this.ruleColor = theme.borderColor;
    this.promptMark = colors.bold(colors.cyan("❯"));
    this.plain = !colors.enabled;
    this.borderColor = (text) => `${RULE_TAG}${theme.borderColor(text)}`;
  }

  override handleInput(data: string): void {
    this.drawnBeforeKey = this.getText();
    super.handleInput(data);
  }

  /**
   * Called from onSubmit with its text (every paste expanded: what the model gets): what the transcript
   * shows for it. With a paste, the input as drawn when sent, the paste still collapsed as
   * "[paste #1 +40 lines]"; otherwise `sent` itself (Enter may also have applied a completion).
   */
  shownWhenSent(sent: string): string {
    return PASTE_MARKER.test(this.drawnBeforeKey) ? this.drawnBeforeKey.trim() : sent;
  }

  /**
   * The Editor drawn `width - 2` wide with the prompt column before it: the rules are drawn full width,
   * text lines get "❯ " (the first line of the input, when it is in view) or "  ", the completion list "  ".
   */
  override render(width: number): string[] {
    const inner = super.render(Math.max(1, width - PROMPT_COLUMNS));
    const rules = inner.flatMap((line, index) => (line.includes(RULE_TAG) ? [index] : []));
    const top = rules[0] ?? 0;
    const bottom = rules[1] ?? inner.length;
    const scrolled = (inner[top] ?? "").includes("↑");
    return inner.map((line, index) => {
      if (index === top || index === bottom)
        return `${line.replaceAll(RULE_TAG, "")}${this.ruleColor("─".repeat(PROMPT_COLUMNS))}`;
      const first = index === top + 1 && !scrolled;
      const text = this.plain ? line.replace(REVERSE_CURSOR, "$1") : line;
      return `${first ? `${this.promptMark} ` : "  "}${text}`;
    });
  }
}
