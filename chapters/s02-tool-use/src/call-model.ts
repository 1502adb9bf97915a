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
export function createStreamingCallModel(client: Anthropic): CallModel {
  return async (request, { signal, onTextDelta }) => {
    const stream = client.messages.stream(request, { signal });
    stream.on("text", onTextDelta);
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
 * The SDK parses a streamed tool input lazily and throws on invalid JSON when `input` is first read
 * (and when the history is serialised). Each such block gets `input: {}` (the API needs an object)
 * and keeps its raw text for invalidToolInput, so the call is answered with an error, not a crash.
 */
function withParsedToolInputs(message: Anthropic.Message): Anthropic.Message {
  const content = message.content.map((block) => {
    if (block.type !== "tool_use") return block;
    try {
      return { ...block, input: block.input };
    } catch {
      const raw = String((block as unknown as Record<string, unknown>).__json_buf ?? "");
      const repaired = { ...block, input: {} };
      invalidInputs.set(repaired, raw);
      return repaired;
    }
  });
  return { ...message, content };
}
