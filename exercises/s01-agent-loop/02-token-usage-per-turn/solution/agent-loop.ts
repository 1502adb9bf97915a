// Solution s01/02: s01's loop reporting token usage per turn. The numbers are the API's own (`usage` on
// the final message), emitted as soon as the reply is complete, before its tool calls run.
import type Anthropic from "@anthropic-ai/sdk";
import {
  appendUserContent,
  BASH_TOOL,
  type MessageParam,
  partialAssistantMessage,
  runBashTool,
  unfinishedToolResults,
} from "@lcc/s01";

export type LoopEvent =
  | { type: "text_delta"; text: string }
  | { type: "tool_start"; id: string; name: string; input: unknown }
  | { type: "tool_end"; id: string; name: string; output: string; isError: boolean }
  /** What the API reported for one model request of this run (`turn` counts from 1). */
  | { type: "turn_usage"; turn: number; inputTokens: number; outputTokens: number };

export interface LoopOptions {
  client: Anthropic;
  model: string;
  maxTokens: number;
  system: string;
  workspace: string;
  signal: AbortSignal;
  onEvent: (event: LoopEvent) => void;
}

/** Runs until the model stops asking for tools. Returns the final stop reason, or "aborted". */
export async function runAgentLoop(messages: MessageParam[], options: LoopOptions): Promise<string> {
  const { client, signal, onEvent } = options;
  let turn = 0;
  while (true) {
    turn += 1;
    const request = { model: options.model, max_tokens: options.maxTokens, system: options.system };
    const stream = client.messages.stream({ ...request, tools: [BASH_TOOL], messages }, { signal });
    stream.on("text", (text) => onEvent({ type: "text_delta", text }));
    const message = await stream.finalMessage().catch((error: unknown) => {
      if (signal.aborted) return undefined;
      throw error;
    });
    if (!message) {
      const partial = partialAssistantMessage(stream.currentMessage);
      if (partial) messages.push(partial);
      return "aborted";
    }
    const { input_tokens: inputTokens, output_tokens: outputTokens } = message.usage;
    onEvent({ type: "turn_usage", turn, inputTokens, outputTokens });
    // An empty reply is not stored: the API refuses an empty assistant message in the history.
    if (message.content.length > 0) messages.push({ role: "assistant", content: message.content });
    const reason = message.stop_reason ?? "end_turn";
    const calls = message.content.filter((block) => block.type === "tool_use");
    if (reason !== "tool_use" || calls.length === 0) {
      // Cut off by max_tokens, a reply can end in a half-written tool_use: answered, never run.
      appendUserContent(messages, unfinishedToolResults(calls, reason));
      return reason;
    }

    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const call of calls) {
      onEvent({ type: "tool_start", id: call.id, name: call.name, input: call.input });
      const result = signal.aborted
        ? { text: "Interrupted by user before this tool ran.", isError: true }
        : call.name === "bash"
          ? await runBashTool(call.input, options.workspace, signal)
          : { text: `Unknown tool "${call.name}". The only tool is bash.`, isError: true };
      onEvent({
        type: "tool_end",
        id: call.id,
        name: call.name,
        output: result.text,
        isError: result.isError,
      });
      results.push({
        type: "tool_result",
        tool_use_id: call.id,
        content: result.text,
        is_error: result.isError,
      });
    }
    appendUserContent(messages, results);
    if (signal.aborted) return "aborted";
  }
}
