// POST /v1/messages: validate, ask the script for a reply, then answer with a fault, a Message
// JSON or an SSE stream, with usage from the prompt-cache simulation.

import type { ServerResponse } from "node:http";
import { type ApiErrorResponse, apiError, faultResponse } from "./api-errors.ts";
import { buildAssistantMessage } from "./assistant-message.ts";
import { pause, sendApiError, sendJson, writeEventStream } from "./http-io.ts";
import { estimatePromptTokens, flattenPrompt } from "./prompt-blocks.ts";
import { countBreakpoints, MAX_CACHE_BREAKPOINTS, type PromptCache } from "./prompt-cache.ts";
import { buildStreamEvents } from "./sse-events.ts";
import type { FakeReply, Fault, RecordedRequest, Script, StreamFault } from "./types.ts";

/** The state one fake server shares across its message requests. */
export interface MessagesState {
  script: Script;
  chunkSize: number;
  cache: PromptCache;
  /** Replies handed out so far (the script's `index`). */
  replyCount: number;
  messageCount: number;
  toolUseCount: number;
}

/** Text a stream fault streams when the reply has no text of its own. */
const DROP_FILLER =
  "This reply is cut off by the fake API partway through streaming, as a flaky network would.";

/** How many text characters a stream fault sends by default. */
const DEFAULT_DROP_AFTER_CHARS = 16;

/** Answers one recorded POST /v1/messages. Never throws; stops writing once `signal` aborts. */
export async function handleMessages(
  state: MessagesState,
  request: RecordedRequest,
  response: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const { body } = request;
  const invalid = validateBody(request);
  if (invalid) return sendApiError(response, invalid);

  const blocks = flattenPrompt(body);
  const breakpoints = countBreakpoints(blocks);
  if (breakpoints > MAX_CACHE_BREAKPOINTS) {
    const message = `A maximum of ${MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints}.`;
    return sendApiError(response, apiError(400, "invalid_request_error", message));
  }

  const next = await nextReply(state, request);
  if ("error" in next) return sendApiError(response, next.error);
  const { reply } = next;
  if (!(await pause(reply.delayMs ?? 0, signal))) return;

  const fault = reply.fault;
  if (fault?.kind === "connection_reset") {
    response.destroy();
    return;
  }
  if (fault && !isStreamFault(fault)) {
    return sendApiError(response, faultResponse(fault, estimatePromptTokens(body)));
  }

  const plan = state.cache.plan(String(body.model), blocks);
  plan.commit();
  state.messageCount += 1;
  const shown = fault && !reply.content?.some((block) => block.type === "text") ? withFiller(reply) : reply;
  const message = buildAssistantMessage(shown, {
    id: `msg_fake_${state.messageCount}`,
    model: String(body.model),
    inputUsage: plan.usage,
    nextToolUseId: () => {
      state.toolUseCount += 1;
      return `toolu_fake_${state.toolUseCount}`;
    },
  });
  request.usage = message.usage;

  if (body.stream !== true) {
    if (fault) {
      response.destroy();
      return;
    }
    return sendJson(response, 200, JSON.stringify(message));
  }
  const rawInputs = (shown.content ?? []).map((block) =>
    block.type === "tool_use" ? block.rawInput : undefined,
  );
  await writeEventStream(response, buildStreamEvents(message, state.chunkSize, rawInputs), {
    signal,
    chunkDelayMs: reply.chunkDelayMs ?? 0,
    ...(fault ? { dropAfterChars: fault.afterChars ?? DEFAULT_DROP_AFTER_CHARS } : {}),
    ...(fault && fault.kind !== "drop_mid_stream" ? { endWith: faultEnding(fault) } : {}),
  });
}

function isStreamFault(fault: Fault): fault is StreamFault {
  return fault.kind === "drop_mid_stream" || fault.kind === "sse_error" || fault.kind === "malformed_stream";
}

/** The last frame a stream fault sends in place of the rest of the message. */
function faultEnding(fault: Exclude<StreamFault, { kind: "drop_mid_stream" }>): string {
  if (fault.kind === "malformed_stream")
    return 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"ty\n\n';
  const error = { type: fault.errorType ?? "overloaded_error", message: fault.message ?? "Overloaded" };
  return `event: error\ndata: ${JSON.stringify({ type: "error", error })}\n\n`;
}

/**
 * The real SDK always sends model, max_tokens and messages; anything else fails loudly. Like the real
 * API, a message with empty content is refused unless it is the final assistant message.
 */
function validateBody(request: RecordedRequest): ApiErrorResponse | undefined {
  const body: Record<string, unknown> = { ...request.body };
  if (
    typeof body.model !== "string" ||
    typeof body.max_tokens !== "number" ||
    !Array.isArray(body.messages)
  ) {
    return apiError(400, "invalid_request_error", "fake API: body needs model, max_tokens and messages");
  }
  const messages: unknown[] = body.messages;
  const empty = messages.findIndex((message, index) => {
    const isFinalAssistant = index === messages.length - 1 && roleOf(message) === "assistant";
    return !isFinalAssistant && hasEmptyContent(message);
  });
  if (empty >= 0) {
    const text = `messages.${empty}: all messages must have non-empty content except for the optional final assistant message`;
    return apiError(400, "invalid_request_error", text);
  }
  return undefined;
}

function roleOf(message: unknown): unknown {
  return typeof message === "object" && message !== null ? (message as { role?: unknown }).role : undefined;
}

function hasEmptyContent(message: unknown): boolean {
  const content =
    typeof message === "object" && message !== null ? (message as { content?: unknown }).content : undefined;
  return content === "" || (Array.isArray(content) && content.length === 0);
}

async function nextReply(
  state: MessagesState,
  request: RecordedRequest,
): Promise<{ reply: FakeReply } | { error: ApiErrorResponse }> {
  const index = state.replyCount;
  state.replyCount += 1;
  const { script } = state;
  if (Array.isArray(script)) {
    const reply = script[index];
    if (reply) return { reply };
    const message = `fake API: script exhausted after ${script.length} requests`;
    return { error: apiError(400, "invalid_request_error", message) };
  }
  try {
    return { reply: await script(request, index) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: apiError(500, "api_error", message) };
  }
}

function withFiller(reply: FakeReply): FakeReply {
  return { ...reply, content: [{ type: "text", text: DROP_FILLER }, ...(reply.content ?? [])] };
}
