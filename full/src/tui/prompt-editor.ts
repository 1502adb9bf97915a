// The prompt: pi-tui's Editor (multi-line, word editing, kill ring, undo, paste markers, ↑/↓ history,
// the completion list) between two rules, with "❯ " before the first line of text and "  " before the others.
import { Editor, type EditorOptions, type EditorTheme, type TUI } from "@mariozechner/pi-tui";
import type { Colors } from "../terminal/colors.ts";

/** Zero-width tag the border colour adds so render() can tell the rules from the text; removed before drawing. */
const RULE_TAG = "\u0000rule\u0000";
const PROMPT_COLUMNS = 2;

export class PromptEditor extends Editor {
  private readonly ruleColor: (text: string) => string;
  private readonly promptMark: string;

  constructor(tui: TUI, theme: EditorTheme, colors: Colors, options?: EditorOptions) {
    super(tui, theme, options);
    this.ruleColor = theme.borderColor;
    this.promptMark = colors.bold(colors.cyan("❯"));
    this.borderColor = (text) => `${RULE_TAG}${theme.borderColor(text)}`;
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
      return `${first ? `${this.promptMark} ` : "  "}${line}`;
    });
  }
}
