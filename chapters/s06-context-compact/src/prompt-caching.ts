// Prompt caching: cache_control breakpoints on the stable prefix (tools + system) and on the
// conversation tail, added to each request on its way out; the history itself is never touched.
// The summary request of a compaction reuses the same prefix, so it reads what the last request wrote.
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@lcc/s01";
import type { CallModel, ModelRequest, SystemPrompt } from "@lcc/s02";

/** The API refuses a request with more blocks carrying cache_control than this. */
export const MAX_CACHE_BREAKPOINTS = 4;

const EPHEMERAL: Anthropic.CacheControlEphemeral = { type: "ephemeral" };

type Block = Anthropic.ContentBlockParam;

/**
 * Returns a copy of `request` with up to three breakpoints added, never exceeding
 * {@link MAX_CACHE_BREAKPOINTS} together with any the request already carries (a later chapter may
 * mark its own system sections): the last system block (caches tools + system), the last block of
 * the last message (the tail this request writes) and the last block of the previous user message
 * (so the previous request's write is found even when a turn added many blocks). Pure: the input
 * request, its messages and their blocks are not mutated; only touched messages are copied.
 */
export function addCacheBreakpoints(request: ModelRequest): ModelRequest {
  let budget = MAX_CACHE_BREAKPOINTS - countBreakpoints(request);
  let system = request.system;
  if (budget > 0 && !systemHasBreakpoint(system)) {
    const marked = markSystem(system);
    if (marked) {
      system = marked;
      budget -= 1;
    }
  }
  const messages = [...request.messages];
  const last = messages.length - 1;
  for (const index of [last, last - 2]) {
    if (budget <= 0 || index < 0) break;
    const message = messages[index];
    if (message?.role !== "user" || messageHasBreakpoint(message)) continue;
    const marked = markMessage(message);
    if (marked) {
      messages[index] = marked;
      budget -= 1;
    }
  }
  return { ...request, system, messages };
}

/** A CallModel wrapper (the wrapCallModel seam) that adds the breakpoints to every request. */
export function withPromptCaching(next: CallModel): CallModel {
  return (request, options) => next(addCacheBreakpoints(request), options);
}

/** Blocks carrying cache_control across tools, system and messages. */
export function countBreakpoints(request: Pick<ModelRequest, "tools" | "system" | "messages">): number {
  let count = 0;
  for (const tool of request.tools) if (hasCacheControl(tool)) count += 1;
  if (typeof request.system !== "string")
    for (const block of request.system) if (hasCacheControl(block)) count += 1;
  for (const message of request.messages) {
    if (typeof message.content !== "string")
      for (const block of message.content) if (hasCacheControl(block)) count += 1;
  }
  return count;
}

function hasCacheControl(value: object): boolean {
  return "cache_control" in value && value.cache_control !== undefined && value.cache_control !== null;
}

function systemHasBreakpoint(system: SystemPrompt): boolean {
  return typeof system !== "string" && system.some(hasCacheControl);
}

function markSystem(system: SystemPrompt): Anthropic.TextBlockParam[] | undefined {
  if (typeof system === "string")
    return system ? [{ type: "text", text: system, cache_control: EPHEMERAL }] : undefined;
  const index = system.findLastIndex((block) => block.text !== "");
  if (index < 0) return undefined;
  return system.map((block, position) =>
    position === index ? { ...block, cache_control: EPHEMERAL } : block,
  );
}

function messageHasBreakpoint(message: MessageParam): boolean {
  return typeof message.content !== "string" && message.content.some(hasCacheControl);
}

function markMessage(message: MessageParam): MessageParam | undefined {
  if (typeof message.content === "string") {
    if (!message.content) return undefined;
    return { ...message, content: [{ type: "text", text: message.content, cache_control: EPHEMERAL }] };
  }
  const index = message.content.findLastIndex(canCarryCacheControl);
  if (index < 0) return undefined;
  const content = message.content.map((block, position) =>
    position === index ? withCacheControl(block) : block,
  );
  return { ...message, content } as MessageParam;
}

/** Thinking blocks cannot carry cache_control and empty text blocks are refused by the API. */
function canCarryCacheControl(block: Block): boolean {
  if (block.type === "thinking" || block.type === "redacted_thinking") return false;
  return block.type !== "text" || block.text !== "";
}

function withCacheControl(block: Block): Block {
  return { ...block, cache_control: EPHEMERAL } as Block;
}
