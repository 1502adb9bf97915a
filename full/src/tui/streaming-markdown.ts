// The answer as it streams: blocks that are complete render as Markdown once and never change (lines that
// scrolled away stay put), a code block still open renders as code, and the rest shows as plain text.
import { type Component, Markdown, type MarkdownTheme, wrapTextWithAnsi } from "@mariozechner/pi-tui";
import { sanitizeTerminalText } from "./printed-lines.ts";

/** A component showing streamed Markdown. */
export interface StreamingMarkdown extends Component {
  /** Adds streamed text (control characters and escape codes are dropped). */
  append(text: string): void;
  /** The stream ended: everything renders as Markdown from now on. */
  finish(): void;
  /** Everything appended so far, cleaned. */
  text(): string;
}

/** What a scan of the unfinished text found: where complete blocks end, and an open code fence. */
export interface BlockScan {
  /** Offsets (into the scanned text) where a complete block ends and the next begins, ascending. */
  boundaries: number[];
  /** The offset of a code fence that is open at the end, with its closing marker. */
  openFence?: { start: number; marker: string };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;

/**
 * Scans `text` (which starts outside any block) for complete blocks. Only whole lines count: a block
 * ends after a blank line outside a fence, after a closing fence, after a heading, and before an
 * opening fence or a heading (they interrupt a paragraph). Pure.
 */
export function scanBlocks(text: string): BlockScan {
  const boundaries: number[] = [];
  const mark = (offset: number) => {
    if (offset > (boundaries.at(-1) ?? 0)) boundaries.push(offset);
  };
  let fence: { start: number; marker: string } | undefined;
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; start = end + 1, end = text.indexOf("\n", start)) {
    const line = text.slice(start, end);
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      // A closing fence: the same character, at least as long as the opening one, nothing after it.
      if (fenceMatch?.[1]?.startsWith(fence.marker) && fenceMatch[2]?.trim() === "") {
        fence = undefined;
        mark(end + 1);
      }
    } else if (fenceMatch?.[1] && !(fenceMatch[1][0] === "`" && fenceMatch[2]?.includes("`"))) {
      mark(start);
      fence = { start, marker: fenceMatch[1] };
    } else if (line.trim() === "") mark(end + 1);
    else if (HEADING.test(line)) {
      mark(start);
      mark(end + 1);
    }
  }
  return fence ? { boundaries, openFence: fence } : { boundaries };
}

/** Rendered lines without blank rows at either end (Markdown pads rows to the width with spaces). */
function trimBlankRows(rows: readonly string[]): string[] {
  const isBlank = (row: string) => row.trim() === "";
  let first = 0;
  let last = rows.length;
  while (first < last && isBlank(rows[first] ?? "")) first++;
  while (last > first && isBlank(rows[last - 1] ?? "")) last--;
  return rows.slice(first, last);
}

/**
 * A streaming Markdown view. Complete blocks are rendered one by one (each cached per width) and
 * separated by one blank row; the unfinished tail is plain wrapped text, or, inside an open code fence,
 * the code block so far (so closing the fence does not redraw what is already on screen).
 */
export function createStreamingMarkdown(theme: MarkdownTheme): StreamingMarkdown {
  let text = "";
  /** Where the committed blocks end; the tail starts here and always outside a block. */
  let committed = 0;
  let finished = false;
  const blocks: Markdown[] = [];
  const tail = new Markdown("", 0, 0, theme);
  let committedCache: { width: number; rows: string[] } | undefined;

  const commit = (end: number) => {
    blocks.push(new Markdown(text.slice(committed, end), 0, 0, theme));
    committed = end;
    committedCache = undefined;
  };
  const advance = () => {
    const scan = scanBlocks(text.slice(committed));
    for (const boundary of scan.boundaries.map((offset) => committed + offset)) commit(boundary);
  };
  const renderCommitted = (width: number): string[] => {
    if (committedCache?.width !== width) {
      const rows: string[] = [];
      for (const block of blocks) {
        const blockRows = trimBlankRows(block.render(width));
        if (blockRows.length === 0) continue;
        if (rows.length > 0) rows.push("");
        rows.push(...blockRows);
      }
      committedCache = { width, rows };
    }
    return committedCache.rows;
  };
  const renderTail = (width: number): string[] => {
    const rest = text.slice(committed);
    if (rest.trim() === "") return [];
    const fence = scanBlocks(rest).openFence;
    if (fence) {
      // A last line that may be the closing fence on its way ("`", "``") waits until it is whole.
      const partial = rest.slice(rest.lastIndexOf("\n") + 1);
      const closing = /^ {0,3}(`+|~+)\s*$/.exec(partial)?.[1]?.[0] === fence.marker[0];
      const code = closing ? rest.slice(0, rest.length - partial.length) : rest;
      tail.setText(`${code}${code.endsWith("\n") ? "" : "\n"}${fence.marker}\n`);
      return trimBlankRows(tail.render(width));
    }
    return trimBlankRows(wrapTextWithAnsi(rest.replace(/\n+$/, ""), width));
  };

  return {
    append(delta) {
      if (finished) return;
      text += sanitizeTerminalText(delta);
      advance();
    },
    finish() {
      if (finished) return;
      finished = true;
      if (committed < text.length) commit(text.length);
    },
    text: () => text,
    render(width) {
      const done = renderCommitted(width);
      const rest = renderTail(width);
      if (rest.length === 0) return done;
      return done.length === 0 ? rest : [...done, "", ...rest];
    },
    invalidate() {
      committedCache = undefined;
      for (const block of blocks) block.invalidate();
      tail.invalidate();
    },
  };
}
