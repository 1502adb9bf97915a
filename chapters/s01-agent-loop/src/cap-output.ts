// Keeps tool output sent to the model bounded: head and tail survive, the middle is cut with a marker.

/** Default cap on any tool output sent to the model. */
export const MAX_TOOL_OUTPUT_CHARS = 50_000;

/** Room left for the marker, so a capped text is never longer than the cap. */
const MARKER_ROOM_CHARS = 200;

/** How many characters of head and of tail a text capped at `maxChars` keeps (60 % head, 40 % tail). */
export function keptChars(maxChars: number): { head: number; tail: number } {
  const keep = Math.max(0, maxChars - MARKER_ROOM_CHARS);
  return { head: Math.ceil(keep * 0.6), tail: Math.floor(keep * 0.4) };
}

/** `head` and `tail` of a text of `totalChars` characters, joined by the marker saying how much was cut. */
export function joinHeadAndTail(head: string, tail: string, totalChars: number, note = ""): string {
  const cut = totalChars - head.length - tail.length;
  const suffix = note ? ` ${note}` : "";
  return `${head}\n\n[... ${cut} characters cut from the middle of ${totalChars} ...${suffix}]\n\n${tail}`;
}

/**
 * Returns `text` unchanged when it fits, otherwise its head and tail joined by a marker that says how
 * many characters were cut; the result is at most `maxChars` long (plus `note`). `note` is added to
 * the marker (for example where the full text was saved).
 */
export function capOutput(text: string, maxChars = MAX_TOOL_OUTPUT_CHARS, note = ""): string {
  if (text.length <= maxChars) return text;
  const kept = keptChars(maxChars);
  return joinHeadAndTail(text.slice(0, kept.head), text.slice(text.length - kept.tail), text.length, note);
}
