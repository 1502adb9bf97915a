// s01: the whole agent in one loop. messages → model → run the tool calls → repeat until no tool_use.
import type Anthropic from "@anthropic-ai/sdk";
import { BASH_TOOL, runBashTool } from "./bash-tool.ts";
import { appendUserContent, type MessageParam, partialAssistantMessage } from "./messages.ts";

export type LoopEvent =
  | { type: "text_delta"; text: string }
  | { type: "tool_start"; id: string; name: string; input: unknown }
  | { type: "tool_end"; id: string; name: string; output: string; isError: boolean };

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
    messages.push({ role: "assistant", content: message.content });
    if (message.stop_reason !== "tool_use") return message.stop_reason ?? "end_turn";

    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of message.content) {
      if (block.type !== "tool_use") continue;
      onEvent({ type: "tool_start", id: block.id, name: block.name, input: block.input });
      const result = signal.aborted
        ? { text: "Interrupted by user before this tool ran.", isError: true }
        : block.name === "bash"
          ? await runBashTool(block.input, options.workspace, signal)
          : { text: `Unknown tool "${block.name}". The only tool is bash.`, isError: true };
      onEvent({
        type: "tool_end",
        id: block.id,
        name: block.name,
        output: result.text,
        isError: result.isError,
      });
      results.push({
        type: "tool_result",
        tool_use_id: block.id,
        content: result.text,
        is_error: result.isError,
      });
    }
    appendUserContent(messages, results);
    if (signal.aborted) return "aborted";
  }
}
