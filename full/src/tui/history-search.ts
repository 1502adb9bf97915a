// Ctrl-R: search the input history. A query line (pi-tui's Input) and the entries containing it, newest
// first; ↑ or Ctrl-R again goes older, ↓ newer, Enter or Tab picks (into the editor), Esc cancels.
import {
  type Component,
  type Focusable,
  Input,
  matchesKey,
  type SelectListTheme,
  truncateToWidth,
} from "@mariozechner/pi-tui";

/** Options of {@link createHistorySearch}. */
export interface HistorySearchOptions {
  /** The history, oldest first and newest LAST (as loadInputHistory returns it); repeats are shown once. */
  entries: readonly string[];
  /** The select-list colours (the theme's `selectList`); plain text when left out. */
  theme?: SelectListTheme;
  /** Matches shown at once (default 5); the selection scrolls. */
  maxVisible?: number;
  /** Enter or Tab on a match: the whole entry, multi-line kept. */
  onPick(text: string): void;
  /** Esc, Ctrl-C or Ctrl-G, or Enter with nothing matching. */
  onCancel(): void;
}

/** The Ctrl-R search: a focusable component that replaces the editor while it is open. */
export interface HistorySearch extends Component, Focusable {
  /** The query typed so far. */
  query(): string;
  /** The matches, newest first. */
  matches(): readonly string[];
  /** The match Enter would pick, if any. */
  selected(): string | undefined;
}

const plain = (text: string): string => text;
const fit = (text: string, width: number): string => truncateToWidth(text, width, "…");
const PLAIN_THEME: SelectListTheme = {
  selectedPrefix: plain,
  selectedText: plain,
  description: plain,
  scrollInfo: plain,
  noMatch: plain,
};

/**
 * Creates the search over `entries`. Matching is a case-insensitive substring; an empty query matches
 * everything. A multi-line entry shows on one row, its lines joined by " ↵ ".
 */
export function createHistorySearch(options: HistorySearchOptions): HistorySearch {
  const theme = options.theme ?? PLAIN_THEME;
  const maxVisible = Math.max(1, options.maxVisible ?? 5);
  const newestFirst = [...new Set([...options.entries].reverse())];
  const input = new Input();
  let matches: string[] = newestFirst;
  let index = 0;

  const refilter = () => {
    const query = input.getValue().toLowerCase();
    matches = query === "" ? newestFirst : newestFirst.filter((entry) => entry.toLowerCase().includes(query));
    index = 0;
  };

  const search: HistorySearch = {
    get focused() {
      return input.focused;
    },
    set focused(value: boolean) {
      input.focused = value;
    },
    query: () => input.getValue(),
    matches: () => matches,
    selected: () => matches[index],

    handleInput(data) {
      if (matchesKey(data, "escape") || matchesKey(data, "ctrl+c") || matchesKey(data, "ctrl+g")) {
        options.onCancel();
      } else if (matchesKey(data, "enter") || matchesKey(data, "tab")) {
        const entry = matches[index];
        if (entry === undefined) options.onCancel();
        else options.onPick(entry);
      } else if (matchesKey(data, "up") || matchesKey(data, "ctrl+r")) {
        index = Math.min(index + 1, Math.max(0, matches.length - 1));
      } else if (matchesKey(data, "down")) {
        index = Math.max(index - 1, 0);
      } else {
        const before = input.getValue();
        input.handleInput(data);
        if (input.getValue() !== before) refilter();
      }
    },

    render(width) {
      const hint = "search history · ↑/ctrl+r older · ↓ newer · enter pick · esc cancel";
      const lines = [theme.description(fit(hint, width)), ...input.render(width)];
      if (matches.length === 0) return [...lines, theme.noMatch(fit("  no match", width))];
      const first = Math.min(Math.max(0, index - maxVisible + 1), Math.max(0, matches.length - maxVisible));
      for (const [offset, entry] of matches.slice(first, first + maxVisible).entries()) {
        const row = fit(entry.replace(/\r?\n/g, " ↵ "), Math.max(1, width - 2));
        lines.push(
          first + offset === index ? `${theme.selectedPrefix("❯ ")}${theme.selectedText(row)}` : `  ${row}`,
        );
      }
      if (matches.length > maxVisible) {
        lines.push(theme.scrollInfo(fit(`  (${index + 1}/${matches.length})`, width)));
      }
      return lines;
    },

    invalidate() {
      input.invalidate();
    },
  };
  return search;
}
