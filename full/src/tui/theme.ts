// The TUI's look: pi-tui's Markdown, SelectList and Editor themes built from lcc's `Colors`, so NO_COLOR
// (colours off) turns every style into the identity and the screen carries no escape codes at all.
import type { EditorTheme, MarkdownTheme, SelectListTheme } from "@mariozechner/pi-tui";
import type { Colors } from "../terminal/colors.ts";
import { highlightCode } from "./highlight.ts";

export interface TuiTheme {
  markdown: MarkdownTheme;
  selectList: SelectListTheme;
  editor: EditorTheme;
}

/** An SGR style `Colors` has no function for (italic, underline, strikethrough); identity when colours are off. */
function sgr(colors: Colors, open: number, close: number): (text: string) => string {
  return (text) => (colors.enabled && text ? `\u001b[${open}m${text}\u001b[${close}m` : text);
}

/**
 * The themes for `colors`. With `colors.enabled` false every function returns its input unchanged and
 * code blocks are not highlighted. Code blocks are highlighted by `highlightCode` (plain until the
 * highlighter has loaded: see `loadHighlighter`).
 */
export function createTuiTheme(colors: Colors): TuiTheme {
  const selectList: SelectListTheme = {
    selectedPrefix: colors.cyan,
    selectedText: (text) => colors.bold(colors.cyan(text)),
    description: colors.gray,
    scrollInfo: colors.gray,
    noMatch: colors.gray,
  };
  const markdown: MarkdownTheme = {
    heading: colors.cyan,
    link: colors.blue,
    linkUrl: colors.gray,
    code: colors.yellow,
    codeBlock: (text) => text,
    codeBlockBorder: colors.gray,
    quote: colors.gray,
    quoteBorder: colors.gray,
    hr: colors.gray,
    listBullet: colors.cyan,
    bold: colors.bold,
    italic: sgr(colors, 3, 23),
    strikethrough: sgr(colors, 9, 29),
    underline: sgr(colors, 4, 24),
    highlightCode: (code, lang) => highlightCode(code, lang, colors),
  };
  return { markdown, selectList, editor: { borderColor: colors.gray, selectList } };
}
