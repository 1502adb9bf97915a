// MEMORY.md, the index of one memory folder: one line per memory, capped; what does not fit is named
// in a last line, never dropped silently. Pure: the store writes it, the system section shows it.

import { compareText } from "@lcc/chapter-kit";

/** Lines an index holds at most, the overflow line included. */
export const MEMORY_INDEX_MAX_LINES = 200;
/** Characters of names the overflow line lists before it only counts the rest. */
const OVERFLOW_NAMES_MAX_CHARS = 2_000;

export interface IndexEntry {
  name: string;
  description: string;
  /** The file name inside the folder, e.g. "api-keys.md". */
  file: string;
}

/**
 * The index text: `- [name](file.md) — description` per memory, sorted by name, at most `maxLines`
 * lines. When more memories exist, the last line names those left out ("- 3 more, not listed above:
 * a, b, c"); if even their names are too long, it counts the rest. Ends with a newline; "" for none.
 */
export function buildMemoryIndex(
  entries: readonly IndexEntry[],
  maxLines: number = MEMORY_INDEX_MAX_LINES,
): string {
  const sorted = [...entries].sort(
    (left, right) => compareText(left.name, right.name) || compareText(left.file, right.file),
  );
  const fits = sorted.length <= maxLines;
  const listed = fits ? sorted : sorted.slice(0, Math.max(0, maxLines - 1));
  const lines = listed.map(
    (entry) => `- [${escapeLinkText(entry.name)}](${encodeURI(entry.file)}) — ${entry.description}`,
  );
  if (!fits) lines.push(overflowLine(sorted.slice(listed.length)));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function overflowLine(rest: readonly IndexEntry[]): string {
  const names: string[] = [];
  let chars = 0;
  for (const entry of rest) {
    if (chars + entry.name.length > OVERFLOW_NAMES_MAX_CHARS) break;
    names.push(entry.name);
    chars += entry.name.length + 2;
  }
  const unnamed = rest.length - names.length;
  const tail = unnamed > 0 ? `${names.length > 0 ? ", " : ""}and ${unnamed} more` : "";
  return `- ${rest.length} more, not listed above (the index holds ${MEMORY_INDEX_MAX_LINES} lines): ${names.join(", ")}${tail}`;
}

/** Brackets and backslashes in a name would end the link text early. */
function escapeLinkText(name: string): string {
  return name.replace(/[\\[\]]/g, (character) => `\\${character}`);
}
