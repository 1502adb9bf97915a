// Keeps tool output sent to the model bounded: head and tail survive, the middle is cut with a marker.

/** Default cap on any tool output sent to the model. */
export const MAX_TOOL_OUTPUT_CHARS = 50_000;

/**
 * Returns `text` unchanged when it fits, otherwise its head and tail joined by a marker that says how
 * many characters were cut. `note` is added to the marker (for example where the full text was saved).
 */
export function capOutput(text: string, maxChars = MAX_TOOL_OUTPUT_CHARS, note = ""): string {
  if (text.length <= maxChars) return text;
  const keep = Math.max(0, maxChars - 200);
  const head = text.slice(0, Math.ceil(keep * 0.6));
  const tail = text.slice(text.length - Math.floor(keep * 0.4));
  const cut = text.length - head.length - tail.length;
  const suffix = note ? ` ${note}` : "";
  return `${head}\n\n[... ${cut} characters cut from the middle of ${text.length} ...${suffix}]\n\n${tail}`;
}
