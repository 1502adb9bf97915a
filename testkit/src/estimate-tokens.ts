// The fake API's deterministic "tokenizer": a quarter of the text or JSON length, rounded up.
// Not a real tokenizer; it only has to be stable so tests and benchmarks can compare numbers.

/**
 * Estimates tokens as `ceil(length / 4)`: a string counts its characters, anything else its
 * `JSON.stringify` length; `undefined` counts 0. Pure, never throws for JSON-able values.
 */
export function estimateTokens(value: unknown): number {
  if (value === undefined) return 0;
  const serialized = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return Math.ceil(serialized.length / 4);
}
