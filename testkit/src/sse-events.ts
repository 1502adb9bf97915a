// The server-sent events of a streamed Message, frame for frame as Anthropic sends them:
// message_start, ping, per block start/deltas/stop, message_delta, message_stop.

import type { AssistantMessage, ResponseBlock } from "./assistant-message.ts";

/** One SSE frame before serialization. */
export interface SseEvent {
  event: string;
  data: unknown;
  /** Characters of text this frame carries (text_delta only), for drop_mid_stream. */
  textLength: number;
}

/**
 * The events that stream `message`, with text and tool input JSON cut into `chunkSize`-character
 * deltas (code points, never half a surrogate pair). `rawInputs[i]`, when set, is streamed as block i's
 * input JSON instead of its `input`. Pure.
 */
export function buildStreamEvents(
  message: AssistantMessage,
  chunkSize: number,
  rawInputs: readonly (string | undefined)[] = [],
): SseEvent[] {
  const events: SseEvent[] = [
    frame("message_start", {
      type: "message_start",
      message: {
        ...message,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        stop_details: null,
        usage: { ...message.usage, output_tokens: 1 },
      },
    }),
    frame("ping", { type: "ping" }),
  ];
  message.content.forEach((block, index) => {
    events.push(
      frame("content_block_start", { type: "content_block_start", index, content_block: emptyBlock(block) }),
    );
    events.push(...blockDeltas(block, index, chunkSize, rawInputs[index]));
    events.push(frame("content_block_stop", { type: "content_block_stop", index }));
  });
  events.push(
    frame("message_delta", {
      type: "message_delta",
      delta: { stop_reason: message.stop_reason, stop_sequence: null, stop_details: null },
      usage: message.usage,
    }),
    frame("message_stop", { type: "message_stop" }),
  );
  return events;
}

/** Serializes one event as an SSE frame. */
export function formatSseFrame(event: SseEvent): string {
  return `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

function emptyBlock(block: ResponseBlock): ResponseBlock {
  return block.type === "text" ? { type: "text", text: "" } : { ...block, input: {} };
}

function blockDeltas(block: ResponseBlock, index: number, chunkSize: number, rawInput?: string): SseEvent[] {
  if (block.type === "text") {
    return chunk(block.text, chunkSize).map((text) => ({
      ...frame("content_block_delta", {
        type: "content_block_delta",
        index,
        delta: { type: "text_delta", text },
      }),
      textLength: text.length,
    }));
  }
  return chunk(rawInput ?? JSON.stringify(block.input), chunkSize).map((partialJson) =>
    frame("content_block_delta", {
      type: "content_block_delta",
      index,
      delta: { type: "input_json_delta", partial_json: partialJson },
    }),
  );
}

function chunk(value: string, size: number): string[] {
  const codePoints = Array.from(value);
  const chunks: string[] = [];
  for (let start = 0; start < codePoints.length; start += size) {
    chunks.push(codePoints.slice(start, start + size).join(""));
  }
  return chunks;
}

function frame(event: string, data: unknown): SseEvent {
  return { event, data, textLength: 0 };
}
