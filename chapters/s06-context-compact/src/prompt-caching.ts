// Prompt-cache breakpoints: the end of the system prompt and the end of the history, on every request.
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@lcc/s01";
import type { CallModel, ModelRequest } from "@lcc/s02";

const EPHEMERAL: Anthropic.CacheControlEphemeral = { type: "ephemeral" };

/**
 * The request with two `cache_control` breakpoints: on the last system block (tools and system are
 * cached together, so they survive any change to the history) and on the last block of the last
 * message (each request reads what the previous one wrote, and the summary request reads it all).
 * Returns copies; the caller's history is never modified. Pure.
 */
export function addCacheBreakpoints(request: ModelRequest): ModelRequest {
  const system: ModelRequest["system"] =
    typeof request.system === "string"
      ? request.system
        ? [{ type: "text", text: request.system, cache_control: EPHEMERAL }]
        : request.system
      : markLast(request.system);
  const last = request.messages.at(-1);
  if (!last || last.role === "system") return { ...request, system };
  const content: Anthropic.ContentBlockParam[] =
    typeof last.content === "string" ? [{ type: "text", text: last.content }] : last.content;
  const marked: MessageParam = { role: last.role, content: markLastBlock(content) };
  return { ...request, system, messages: [...request.messages.slice(0, -1), marked] };
}

/** A CallModel wrapper that adds the breakpoints to every request. */
export function withPromptCaching(next: CallModel): CallModel {
  return (request, options) => next(addCacheBreakpoints(request), options);
}

function markLast(blocks: Anthropic.TextBlockParam[]): Anthropic.TextBlockParam[] {
  const last = blocks.at(-1);
  return last ? [...blocks.slice(0, -1), { ...last, cache_control: EPHEMERAL }] : blocks;
}

function markLastBlock(blocks: Anthropic.ContentBlockParam[]): Anthropic.ContentBlockParam[] {
  const last = blocks.at(-1);
  // Thinking blocks cannot carry cache_control.
  if (!last || last.type === "thinking" || last.type === "redacted_thinking") return blocks;
  return [...blocks.slice(0, -1), { ...last, cache_control: EPHEMERAL }];
}
