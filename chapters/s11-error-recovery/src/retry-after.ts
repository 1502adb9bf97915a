// How long a response asks the client to wait: `retry-after-ms`, else `retry-after` in seconds or as
// an HTTP date. Pure; the clock is a parameter.

/** Minimal view of response headers (the SDK's `Headers`, or anything with `get`). */
export interface HeaderLookup {
  get(name: string): string | null;
}

/** Milliseconds `headers` ask to wait before retrying, or undefined when they ask nothing usable. */
export function requestedWaitMs(headers: HeaderLookup | undefined, now: number): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
