// Requests sent and not yet answered, by id: each settles exactly once, by its response, its timeout,
// its abort signal, or a failure of the whole connection.

import type { JsonRpcId } from "./json-rpc-message.ts";
import { McpError } from "./mcp-error.ts";

/** What ends a request early; `onGiveUp` runs once when it does (the client sends `notifications/cancelled`). */
export interface PendingRequestOptions {
  method: string;
  timeoutMs: number;
  signal?: AbortSignal;
  onGiveUp?: (reason: string) => void;
}

interface Entry {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** The table of pending requests; `track` returns the promise the caller awaits. */
export function createPendingRequests(): {
  track(id: JsonRpcId, options: PendingRequestOptions): Promise<unknown>;
  resolve(id: JsonRpcId, result: unknown): boolean;
  reject(id: JsonRpcId, error: Error): boolean;
  rejectAll(error: Error): void;
  readonly size: number;
} {
  const entries = new Map<JsonRpcId, Entry>();
  return {
    track(id, { method, timeoutMs, signal, onGiveUp }) {
      return new Promise<unknown>((resolve, reject) => {
        const finish = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          entries.delete(id);
        };
        const giveUp = (error: McpError) => {
          finish();
          onGiveUp?.(error.message);
          reject(error);
        };
        const onAbort = () => giveUp(new McpError("aborted", `${method} was aborted`));
        const timer = setTimeout(
          () => giveUp(new McpError("timeout", `${method} timed out after ${timeoutMs} ms`)),
          timeoutMs,
        );
        entries.set(id, {
          resolve: (result) => {
            finish();
            resolve(result);
          },
          reject: (error) => {
            finish();
            reject(error);
          },
        });
        if (signal?.aborted) onAbort();
        else signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    resolve(id, result) {
      const entry = entries.get(id);
      entry?.resolve(result);
      return entry !== undefined;
    },
    reject(id, error) {
      const entry = entries.get(id);
      entry?.reject(error);
      return entry !== undefined;
    },
    rejectAll(error) {
      for (const entry of [...entries.values()]) entry.reject(error);
    },
    get size() {
      return entries.size;
    },
  };
}
