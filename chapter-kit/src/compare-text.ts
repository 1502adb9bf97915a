// Ordering names for people without Intl: the first localeCompare (or Intl.Collator) loads ICU collation
// data, which costs 10–25 ms of start-up on this machine; this order is the same on every machine too.

/**
 * Sort comparator: case-insensitive first ("apple" before "Banana"), then by code point so names that
 * differ only in case still have one fixed order. Returns <0, 0 or >0 like `localeCompare`.
 */
export function compareText(left: string, right: string): number {
  const [a, b] = [left.toLowerCase(), right.toLowerCase()];
  if (a !== b) return a < b ? -1 : 1;
  return left < right ? -1 : left > right ? 1 : 0;
}
