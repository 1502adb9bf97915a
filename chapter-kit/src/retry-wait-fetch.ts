// A fetch for the SDK client that keeps automatic retries honest: a server asking to wait longer than
// a cap (a 429 with retry-after: 3600) is not waited on silently, and every wait within the cap is said.
import type { Fetch } from "./trace/tracing-fetch.ts";

/** Longest automatic wait before a retry (override with LCC_MAX_RETRY_WAIT_SECONDS). */
export const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;

export interface RetryWaitOptions {
  maxWaitMs: number;
  /** The client's maxRetries: a response after the last retry is not followed by a wait. */
  maxRetries: number;
  /** Told about each wait the SDK is about to do, and each wait refused for being too long. */
  onWait(text: string): void;
}

/** Minimal view of response headers (fetch's `Headers`, the SDK error's `headers`, anything with `get`). */
export interface HeaderLookup {
  get(name: string): string | null;
}

/**
 * Milliseconds `headers` ask to wait before a retry: `retry-after-ms`, else `retry-after` in seconds or as
 * an HTTP date; undefined when they ask nothing usable (none, negative, garbage). s11's policy uses it too.
 */
export function requestedWaitMs(headers: HeaderLookup | undefined, now = Date.now()): number | undefined {
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

/**
 * Wraps `baseFetch`. For a retryable answer (408, 409, 429, 5xx) that asks to wait: within `maxWaitMs`
 * the wait is announced; beyond it the response gets `x-should-retry: false`, so the SDK stops and
 * reports the error instead of sleeping, and the refusal is announced. Other responses pass untouched.
 */
export function createRetryWaitFetch(options: RetryWaitOptions, baseFetch: Fetch = fetch): Fetch {
  return async (input, init) => {
    const response = await baseFetch(input, init);
    const retryable =
      response.status === 408 || response.status === 409 || response.status === 429 || response.status >= 500;
    const wait = retryable ? requestedWaitMs(response.headers) : undefined;
    if (wait === undefined) return response;
    const attempt = Number(new Headers(init?.headers).get("x-stainless-retry-count") ?? "0");
    if (attempt >= options.maxRetries || response.headers.get("x-should-retry") === "false") return response;
    const seconds = Math.ceil(wait / 1000);
    if (wait <= options.maxWaitMs) {
      options.onWait(`The API answered ${response.status}; retrying in ${seconds} s (it asked to wait).`);
      return response;
    }
    options.onWait(
      `The API answered ${response.status} and asked to wait ${seconds} s, more than the ${Math.round(options.maxWaitMs / 1000)} s lcc waits on its own (LCC_MAX_RETRY_WAIT_SECONDS); not retrying.`,
    );
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
