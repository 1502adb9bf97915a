// Small node:http helpers for the fake API: read a body, send JSON or an API error, pause abortably,
// and write SSE frames that stop (or cut the connection) when asked.

import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { type ApiErrorResponse, errorBody } from "./api-errors.ts";
import { formatSseFrame, type SseEvent } from "./sse-events.ts";

/** Reads the whole request body as UTF-8. Rejects if the client goes away first. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

/** Sends a JSON body; does nothing if the connection is already gone. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, { ...headers, "content-type": "application/json" });
  response.end(body);
}

/** Sends an error in the API's shape with its status and headers. */
export function sendApiError(response: ServerResponse, error: ApiErrorResponse): void {
  sendJson(response, error.status, errorBody(error), error.headers);
}

/** Waits `ms` milliseconds; resolves false (timer cleared) if `signal` aborts first. */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** How to write an event stream. */
export interface EventStreamOptions {
  signal: AbortSignal;
  chunkDelayMs: number;
  /** Destroy the socket once this many text characters were sent (drop_mid_stream). */
  dropAfterChars?: number;
  /** At the drop point, write this raw text and end the response instead of destroying the socket. */
  endWith?: string;
}

/**
 * Writes `events` as an SSE response. Stops silently when the client disconnects; in drop mode
 * breaks the stream after `dropAfterChars` text characters (see `endWith`) and never sends message_delta.
 */
export async function writeEventStream(
  response: ServerResponse,
  events: SseEvent[],
  options: EventStreamOptions,
): Promise<void> {
  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
  });
  response.flushHeaders();
  let sentChars = 0;
  const drop = options.dropAfterChars;
  for (const [index, event] of events.entries()) {
    if (index > 0 && !(await pause(options.chunkDelayMs, options.signal))) return;
    if (options.signal.aborted) return;
    // A drop never lets the message finish, even when it has less text than `dropAfterChars`.
    const reachedDrop = drop !== undefined && event.textLength > 0 && sentChars >= drop;
    if (drop !== undefined && (reachedDrop || event.event === "message_delta"))
      return breakStream(response, options);
    await writeFrame(response, formatSseFrame(event));
    sentChars += event.textLength;
    if (drop !== undefined && event.textLength > 0 && sentChars >= drop)
      return breakStream(response, options);
  }
  response.end();
}

/** Ends a stream at its drop point: the `endWith` text and a clean end, or a destroyed socket. */
async function breakStream(response: ServerResponse, options: EventStreamOptions): Promise<void> {
  if (options.endWith === undefined) {
    response.destroy();
    return;
  }
  await writeFrame(response, options.endWith);
  response.end();
}

/** Writes one frame and waits until it is flushed (or failed because the socket is gone). */
function writeFrame(response: ServerResponse, frame: string): Promise<void> {
  return new Promise((resolve) => {
    response.write(frame, () => resolve());
  });
}
