// Text helpers of the trace viewer: one-line previews that say how much they left out, counts,
// durations, and ANSI styles that are plain text when color is off.

/** Characters a preview shows before it is cut (the rest is counted: "… (+3,412 chars)"). */
export const PREVIEW_CHARS = 200;

/** How previews are cut: `Infinity` shows everything. */
export interface PreviewOptions {
  maxChars: number;
}

/**
 * A string as a one-line JSON string literal, cut after `maxChars` characters of the original with the
 * number of characters left out: `"first line\nsecond…" … (+3,412 chars)`.
 */
export function previewText(text: string, options: PreviewOptions): string {
  const shown = Array.from(text);
  if (shown.length <= options.maxChars) return JSON.stringify(text);
  return `${JSON.stringify(shown.slice(0, options.maxChars).join(""))} … (+${formatCount(shown.length - options.maxChars)} chars)`;
}

/** Any JSON value on one line, cut like {@link previewText} (strings are quoted, objects are JSON). */
export function previewValue(value: unknown, options: PreviewOptions): string {
  if (typeof value === "string") return previewText(value, options);
  const json = Array.from(JSON.stringify(value) ?? String(value));
  if (json.length <= options.maxChars) return json.join("");
  return `${json.slice(0, options.maxChars).join("")} … (+${formatCount(json.length - options.maxChars)} chars)`;
}

/** 12345 → "12,345"; a missing count is "?". */
export function formatCount(value: number | undefined | null): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "?";
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 312 → "312 ms", 1234 → "1.2 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Text styles; each returns its input unchanged when color is off. */
export interface Style {
  heading(text: string): string;
  dim(text: string): string;
  model(text: string): string;
  tool(text: string): string;
  error(text: string): string;
  notice(text: string): string;
}

/** ANSI styles, or plain text. */
export function createStyle(color: boolean): Style {
  const wrap = (open: string) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[0m` : text);
  return {
    heading: wrap("1"),
    dim: wrap("2"),
    model: wrap("32"),
    tool: wrap("36"),
    error: wrap("31"),
    notice: wrap("33"),
  };
}

/** Color only for a terminal, and never when NO_COLOR is set to anything non-empty. */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}
