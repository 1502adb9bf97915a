// Shaping search results for the model: newest-first ordering and the note on what was left out.
import { stat } from "node:fs/promises";

/** Sorts absolute paths by modification time, newest first; equal times keep their order. */
export async function sortNewestFirst(paths: readonly string[], signal: AbortSignal): Promise<string[]> {
  const times = new Map<string, number>();
  for (let start = 0; start < paths.length; start += 64) {
    signal.throwIfAborted();
    const batch = paths.slice(start, start + 64);
    const stats = await Promise.all(batch.map((path) => stat(path).catch(() => undefined)));
    for (const [index, path] of batch.entries()) times.set(path, stats[index]?.mtimeMs ?? 0);
  }
  return [...paths].sort((left, right) => times.get(right)! - times.get(left)!);
}

/**
 * "" when nothing was left out, else a line telling the model how many `noun` it did not see and
 * how to narrow the search (`how` names the tool's knobs).
 */
export function leftOutNote(total: number, shown: number, noun: string, how: string): string {
  if (shown >= total) return "";
  const left = total - shown;
  return `\n\n[Showing ${shown} of ${total} ${noun}; ${left} more left out. Narrow the search with ${how}.]`;
}

/** Long lines (minified files) are cut so one match cannot flood the context. */
export const MAX_LINE_CHARS = 500;

/** `text`, cut to {@link MAX_LINE_CHARS} characters with a marker. */
export function shortenLine(text: string): string {
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}… [line cut]` : text;
}
