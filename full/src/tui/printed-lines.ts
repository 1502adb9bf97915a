// Lines the transcript shows: wrapped to the width under a hanging indent (or cut with "…"), and the
// clean-up that keeps program output (colours, cursor moves, progress bars) from breaking the screen.
import { type Component, visibleWidth, wrapTextWithAnsi } from "@mariozechner/pi-tui";
import { fitWidth } from "./fit-width.ts";

/** One logical line: `prefix` on its first row, `body` wrapping onto rows indented by the prefix's width. */
export interface PrintedLine {
  prefix: string;
  body: string;
  /** Cut at the width with "…" instead of wrapping (tool output, where one row per line reads best). */
  truncate?: boolean;
}

/** Below this many columns for the body, a line wraps at the full width without its hanging indent. */
const MIN_BODY_COLUMNS = 12;

/**
 * The rows `line` takes at `width`, none wider than `width`. A plain string hangs under its leading
 * spaces; a `PrintedLine` under its prefix.
 */
export function layoutLine(line: PrintedLine | string, width: number): string[] {
  const { prefix, body, truncate } =
    typeof line === "string" ? { ...splitIndent(line), truncate: false } : line;
  const indent = visibleWidth(prefix);
  if (truncate) return [fitWidth(prefix + body, width)];
  if (width - indent < MIN_BODY_COLUMNS) return wrapTextWithAnsi(prefix + body, width);
  const hang = " ".repeat(indent);
  return wrapTextWithAnsi(body, width - indent).map((row, index) => (index === 0 ? prefix : hang) + row);
}

function splitIndent(line: string): { prefix: string; body: string } {
  const indent = /^ */.exec(line)?.[0] ?? "";
  return { prefix: indent, body: line.slice(indent.length) };
}

/** A finished block of lines as a component, laid out once per width. */
export function createPrintedLines(lines: readonly (PrintedLine | string)[]): Component {
  let cache: { width: number; rows: string[] } | undefined;
  return {
    render(width) {
      if (cache?.width !== width) cache = { width, rows: lines.flatMap((line) => layoutLine(line, width)) };
      return cache.rows;
    },
    invalidate() {
      cache = undefined;
    },
  };
}

const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;

/**
 * `text` safe to draw: escape sequences removed (colour and style codes kept when `keepStyles`), a
 * carriage return keeps what was drawn after it (a progress bar's last state), tabs become four
 * spaces, other control characters are dropped. Line feeds stay.
 */
export function sanitizeTerminalText(text: string, options: { keepStyles?: boolean } = {}): string {
  const withoutEscapes = text.replace(ESCAPE_SEQUENCE, (sequence) =>
    options.keepStyles && /^\u001b\[[0-9;]*m$/.test(sequence) ? sequence : "",
  );
  return withoutEscapes
    .split("\n")
    .map((line) => {
      const drawn = line.split("\r").filter((part) => part !== "");
      return (drawn.at(-1) ?? "").replace(/\t/g, "    ");
    })
    .join("\n")
    .replace(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]/g, "");
}
