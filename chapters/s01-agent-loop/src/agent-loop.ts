// s01: the whole agent in one loop. messages → model → run the tool calls → repeat until no tool_use.
import type Anthropic from "@anthropic-ai/sdk";
import { BASH_TOOL, runBashTool } from "./bash-tool.ts";
import {
  appendUserContent,
  type MessageParam,
  partialAssistantMessage,
  unfinishedToolResults,
} from "./messages.ts";

export type LoopEvent =
  | { type: "text_delta"; text: string }
  | { type: "tool_start"; id: string; name: string; input: unknown }
  | { type: "tool_end"; id: string; name: string; output: string; isError: boolean };

export interface LoopOptions {
  /** Only its Messages API is used (any SDK client, or chapter-kit's ModelClient). */
  client: Pick<Anthropic, "messages">;
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
  while (true) {
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
