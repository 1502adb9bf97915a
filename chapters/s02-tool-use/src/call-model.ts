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
      return await stream.finalMessage();
    } catch (error) {
      if (signal.aborted) throw new ModelAbortError(stream.currentMessage);
      throw error;
    }
  };
}
