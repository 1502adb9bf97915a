// The model call as a function, so later chapters can wrap it (retries, compaction on overflow).
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@lcc/s01";

export type SystemPrompt = string | Anthropic.TextBlockParam[];

export interface ModelRequest {
  model: string;
  max_tokens: number;
  system: SystemPrompt;
  tools: Anthropic.ToolUnion[];
  messages: MessageParam[];
}

export interface CallModelOptions {
  signal: AbortSignal;
  /** Called with each piece of text as it streams in. */
  onTextDelta: (text: string) => void;
}

/** Resolves with the complete assistant message; rejects with ModelAbortError when aborted. */
export type CallModel = (request: ModelRequest, options: CallModelOptions) => Promise<Anthropic.Message>;

/** The stream was aborted by the user; `partial` is what had arrived. */
export class ModelAbortError extends Error {
  override name = "ModelAbortError";
  constructor(readonly partial: Anthropic.Message | undefined) {
    super("Model request aborted by user");
  }
}

/** The default CallModel: `client.messages.stream`, text forwarded as it arrives. */
export function createStreamingCallModel(client: Pick<Anthropic, "messages">): CallModel {
  return async (request, { signal, onTextDelta }) => {
    const stream = client.messages.stream(request, { signal });
    stream.on("text", onTextDelta);
    stream.on("streamEvent", (event, snapshot) => {
      if (event.type === "content_block_delta" && event.delta.type === "input_json_delta")
        tolerateInvalidInput(snapshot.content[event.index]);
    });
    try {
      return withParsedToolInputs(await stream.finalMessage());
    } catch (error) {
      if (signal.aborted) throw new ModelAbortError(stream.currentMessage);
      throw error;
    }
  };
}

const invalidInputs = new WeakMap<object, string>();

/** The raw text of a tool_use input the model wrote as invalid JSON (its `input` became `{}`). */
export function invalidToolInput(block: object): string | undefined {
  return invalidInputs.get(block);
}

/**
 * The SDK parses a streamed tool input lazily, when `input` is first read: at the end of the block,
 * where invalid JSON would fail the whole stream. The block's `input` then reads as `{}` (the API
 * needs an object) and its raw text is kept for invalidToolInput.
 */
function tolerateInvalidInput(block: object | undefined): void {
  const read = block && Object.getOwnPropertyDescriptor(block, "input")?.get;
  if (!block || !read) return;
  Object.defineProperty(block, "input", {
    enumerable: true,
    configurable: true,
    get() {
      try {
        return read.call(block);
      } catch {
        invalidInputs.set(block, rawInputOf(block));
        return {};
      }
    },
  });
}

function rawInputOf(block: object): string {
  return String((block as Record<string, unknown>).__json_buf ?? "");
}

/**
 * Plain copies of the tool_use blocks (no lazy getter left for the history to trip on); a block whose
 * input was not valid JSON gets `input: {}` and keeps its raw text for invalidToolInput, so the call is
 * answered with an error, not a crash.
 */
function withParsedToolInputs(message: Anthropic.Message): Anthropic.Message {
  const content = message.content.map((block) => {
    if (block.type !== "tool_use") return block;
    let raw = invalidInputs.get(block);
    let input: unknown = {};
    try {
      input = block.input;
    } catch {
      raw = rawInputOf(block);
    }
    raw ??= invalidInputs.get(block);
    const copy = { ...block, input };
    if (raw !== undefined) invalidInputs.set(copy, raw);
    return copy;
  });
  return { ...message, content };
}
