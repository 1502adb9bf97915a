// Counts for people: 12345 → "12,345". Written out rather than Intl: the first Intl call loads locale
// data, which costs about 20 ms of start-up.

/** Formats an integer with comma thousands separators; `undefined` stays `undefined`. */
export function formatCount(value: number): string;
export function formatCount(value: number | undefined): string | undefined;
export function formatCount(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
