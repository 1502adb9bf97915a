// Shaping search results for the model: newest-first ordering and the note on what was left out.
import { stat } from "node:fs/promises";
import type { UnreadablePath } from "./file-search.ts";

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

/** How many skipped paths the note names; the rest are counted. */
const NAMED_UNREADABLE = 10;

/** Skipped paths as the model and the UI see them: `show(path)`, with "/" after a folder. */
export function showUnreadable(
  unreadable: readonly UnreadablePath[],
  show: (path: string) => string,
): string[] {
  return unreadable.map((entry) => `${show(entry.path)}${entry.isDirectory ? "/" : ""}`);
}

/**
 * "" when nothing was skipped, else a line naming what could not be read (up to 10 paths):
 * "(skipped 1 unreadable folder: secret/)". `shown` comes from {@link showUnreadable}.
 */
export function unreadableNote(shown: readonly string[]): string {
  if (shown.length === 0) return "";
  const folders = shown.filter((path) => path.endsWith("/")).length;
  const kind = folders === shown.length ? "folder" : folders === 0 ? "file" : "path";
  const noun = shown.length === 1 ? kind : `${kind}s`;
  const more = shown.length > NAMED_UNREADABLE ? ` and ${shown.length - NAMED_UNREADABLE} more` : "";
  const named = shown.slice(0, NAMED_UNREADABLE).join(", ");
  return `\n\n(skipped ${shown.length} unreadable ${noun}: ${named}${more})`;
}

/** Long lines (minified files) are cut so one match cannot flood the context. */
export const MAX_LINE_CHARS = 500;

/** `text`, cut to {@link MAX_LINE_CHARS} characters with a marker. */
export function shortenLine(text: string): string {
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}… [line cut]` : text;
}
