// Long tool output folded to its first lines and a count of the rest ("… +37 lines (4.1 KB)"), so a
// test run or a search does not push the conversation off the screen.
import type { Colors } from "../terminal/colors.ts";
import { sanitizeTerminalText } from "./printed-lines.ts";

export interface FoldOptions {
  /** Lines shown when the output is folded. */
  maxLines: number;
  colors: Colors;
}

/**
 * The lines of `output` to show: every line when there are at most `maxLines + 1` (folding away one
 * line saves nothing), else the first `maxLines` and a grey "… +N lines (size)" saying what is hidden
 * (its size in UTF-8 bytes). The output is cleaned for the terminal (no escape codes), trailing blank
 * lines dropped; empty output gives no lines.
 */
export function foldOutput(output: string, options: FoldOptions): string[] {
  const lines = sanitizeTerminalText(output).replace(/\s+$/, "").split("\n");
  if (lines.length === 1 && lines[0] === "") return [];
  const shown = Math.max(0, options.maxLines);
  if (lines.length <= shown + 1) return lines;
  const hidden = lines.slice(shown);
  const size = formatSize(Buffer.byteLength(hidden.join("\n"), "utf8"));
  return [...lines.slice(0, shown), options.colors.gray(`… +${hidden.length} lines (${size})`)];
}

/** "512 B", "4.1 KB", "2.0 MB" (1 KB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
