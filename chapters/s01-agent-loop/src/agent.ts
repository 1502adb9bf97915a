// The s01 chapter: a system prompt, a message history and the loop, wired to the terminal.
import { type Chapter, createEventPrinter } from "@lcc/chapter-kit";
import { type LoopEvent, runAgentLoop } from "./agent-loop.ts";
import { appendUserContent, type MessageParam } from "./messages.ts";

/** The s01 system prompt: a terminal agent on `workspace`, working through the bash tool. */
export function buildSystemPrompt(workspace: string): string {
  return [
    "You are a coding agent working in a terminal.",
    `The workspace is ${workspace}. Use the bash tool to inspect and change it; prefer small, verifiable steps.`,
    "When the task is done, answer briefly with what you did.",
  ].join("\n");
}

/** Shown when a reply stopped at the output limit, so a cut-off answer is not taken for a whole one. */
export function maxTokensNotice(maxTokens: number): string {
  return `The reply hit the output limit (MAX_TOKENS=${maxTokens}) and was cut off.`;
}

export const s01Chapter: Chapter = {
  id: "s01",
  title: "agent loop",
  createAgent({ client, config, workspace, output, observe }) {
    const messages: MessageParam[] = [];
    const printEvent = createEventPrinter(output);
    // `observe` (tracing, when LCC_TRACE is set) sees the same events the printer does.
    const print = (event: LoopEvent | { type: "agent_end" }) => {
      printEvent(event);
      observe?.(event);
    };
    return {
      async handleLine(prompt, signal) {
        appendUserContent(messages, prompt);
        const reason = await runAgentLoop(messages, {
          client,
          model: config.model,
          maxTokens: config.maxTokens,
          system: buildSystemPrompt(workspace),
          workspace,
          signal,
          onEvent: print,
        });
        print({ type: "agent_end" });
        if (reason === "max_tokens") output.write(`⚠ ${maxTokensNotice(config.maxTokens)}\n`);
      },
    };
  },
};
