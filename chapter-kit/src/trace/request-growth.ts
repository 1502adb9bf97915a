// What a request adds to its conversation: the messages after the part it shares with the previous
// request of the same conversation, and whether system prompt or tools changed. Pure, over trace records.

import type { TraceRequestRecord } from "./trace-format.ts";

/** How one request relates to the one before it in the same conversation. */
export interface RequestGrowth {
  /** The earlier request this one continues; absent for the first of a conversation. */
  previousSeq?: number;
  /** Messages at the start that are the same as in the previous request (cache_control aside). */
  kept: number;
  /** Messages of the previous request that are gone or changed (a compaction rewrote the history). */
  rewritten: number;
  /** The messages after the kept ones: what the request adds, in order. */
  added: unknown[];
  /** True when the system prompt differs from the previous request's (always true for a first request). */
  systemChanged: boolean;
  /** True when the tool definitions differ from the previous request's (always true for a first request). */
  toolsChanged: boolean;
}

/**
 * Compares `request` with the latest of `earlier` that belongs to the same conversation, meaning it
 * starts with the same first message (so a subagent's requests, interleaved with its parent's, are
 * compared with their own). `cache_control` markers are ignored: a chapter moves them every turn.
 * count_tokens requests should not be passed in `earlier`. Pure.
 */
export function measureRequestGrowth(
  earlier: TraceRequestRecord[],
  request: TraceRequestRecord,
): RequestGrowth {
  const messages = messagesOf(request);
  const first = messages[0] === undefined ? undefined : comparable(messages[0]);
  const previous = earlier.findLast((candidate) => {
    const candidateFirst = messagesOf(candidate)[0];
    return candidateFirst !== undefined && comparable(candidateFirst) === first;
  });
  if (!previous) {
    return { kept: 0, rewritten: 0, added: messages, systemChanged: true, toolsChanged: true };
  }
  const previousMessages = messagesOf(previous);
  let kept = 0;
  while (
    kept < Math.min(messages.length, previousMessages.length) &&
    comparable(messages[kept]) === comparable(previousMessages[kept])
  ) {
    kept += 1;
  }
  return {
    previousSeq: previous.seq,
    kept,
    rewritten: previousMessages.length - kept,
    added: messages.slice(kept),
    systemChanged: comparable(fieldOf(previous, "system")) !== comparable(fieldOf(request, "system")),
    toolsChanged: comparable(fieldOf(previous, "tools")) !== comparable(fieldOf(request, "tools")),
  };
}

/** The request's `messages`, or none when its body has no such array. */
export function messagesOf(request: TraceRequestRecord): unknown[] {
  const messages = fieldOf(request, "messages");
  return Array.isArray(messages) ? messages : [];
}

/** A field of the request body, when the body is an object. */
export function fieldOf(request: TraceRequestRecord, field: string): unknown {
  const body = request.body;
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
}

/** JSON text of `value` without any `cache_control` key, for equality checks. */
export function comparable(value: unknown): string {
  return JSON.stringify(value, (key, nested) => (key === "cache_control" ? undefined : nested)) ?? "";
}
