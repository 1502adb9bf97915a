// Flattens a request into the ordered blocks the prompt cache sees: tools → system → messages.
// Each block gets a position-aware key (cache_control stripped), its token estimate and its breakpoint flag.

import { estimateTokens } from "./estimate-tokens.ts";
import type { MessagesRequestBody } from "./types.ts";

/** One block of the prompt as the cache simulation sees it. */
export interface PromptBlock {
  /** Canonical JSON of the block and where it sits; equal keys mean equal blocks. */
  key: string;
  /** Estimated tokens of the block (text blocks count their text, other blocks their JSON). */
  tokens: number;
  /** The block carries `cache_control` (or is the last block under a top-level `cache_control`). */
  isBreakpoint: boolean;
}

/**
 * Flattens tools, then system blocks, then each message's content blocks, in order. A string
 * system prompt or message content counts as one text block. Pure; tolerates malformed bodies.
 */
export function flattenPrompt(body: MessagesRequestBody): PromptBlock[] {
  const blocks: PromptBlock[] = [];
  for (const tool of asArray(body.tools)) blocks.push(toPromptBlock(tool, { section: "tools" }));
  for (const block of contentBlocks(body.system)) blocks.push(toPromptBlock(block, { section: "system" }));
  asArray(body.messages).forEach((message, messageIndex) => {
    const role = isRecord(message) ? message.role : undefined;
    const content = isRecord(message) ? message.content : undefined;
    for (const block of contentBlocks(content)) {
      blocks.push(toPromptBlock(block, { section: "messages", messageIndex, role }));
    }
  });
  const last = blocks.at(-1);
  const topLevelCacheControl: unknown = body.cache_control;
  if (last && topLevelCacheControl !== undefined && topLevelCacheControl !== null) last.isBreakpoint = true;
  return blocks;
}

/** The total estimated input tokens of a request: the sum over {@link flattenPrompt}. */
export function estimatePromptTokens(body: MessagesRequestBody): number {
  return flattenPrompt(body).reduce((sum, block) => sum + block.tokens, 0);
}

/** Estimated tokens of one content block: the text of a text block, else the block's JSON. */
export function estimateBlockTokens(block: unknown): number {
  if (isRecord(block) && block.type === "text" && typeof block.text === "string") {
    return estimateTokens(block.text);
  }
  return estimateTokens(withoutCacheControl(block));
}

function toPromptBlock(block: unknown, position: Record<string, unknown>): PromptBlock {
  const stripped = withoutCacheControl(block);
  return {
    key: canonicalJson({ ...position, block: stripped }),
    tokens: estimateBlockTokens(stripped),
    isBreakpoint: isRecord(block) && block.cache_control !== undefined && block.cache_control !== null,
  };
}

function contentBlocks(content: unknown): unknown[] {
  if (typeof content === "string") return [{ type: "text", text: content }];
  return asArray(content);
}

function withoutCacheControl(block: unknown): unknown {
  if (!isRecord(block) || !("cache_control" in block)) return block;
  const { cache_control: _ignored, ...rest } = block;
  return rest;
}

/** JSON with object keys sorted, so key order never changes a prefix hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
