// Counts for people: 12345 → "12,345". Written out rather than Intl: the first Intl call loads locale
// data, which costs about 20 ms of start-up.

/** Formats an integer with comma thousands separators; `undefined` stays `undefined`. */
export function formatCount(value: number): string;
export function formatCount(value: number | undefined): string | undefined;
export function formatCount(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `count` and `noun`, plural unless it is one: (1, "line") → "1 line", (3, "line") → "3 lines". */
export function countOf(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;
}
