// `/prompt`: the assembled system prompt section by section (name, source, tokens counted or estimated);
// `/prompt full` prints the whole text as the model reads it.
import type Anthropic from "@anthropic-ai/sdk";
import { type SlashCommand, systemPromptText } from "@lcc/s02";
import { describePrompt, formatPromptDescription } from "./describe-prompt.ts";

/** The command for a session whose requests go through `client` (count_tokens uses it too). */
export function createPromptCommand(client: Pick<Anthropic, "messages"> | undefined): SlashCommand {
  return {
    name: "prompt",
    usage: "/prompt [full]",
    summary: "the system prompt: each section with its source and size in tokens; full prints it",
    async run(args, { session, write, signal }) {
      const { resolved } = session;
      if (args === "full") {
        write(`${systemPromptText(resolved.system)}\n`);
        return;
      }
      const description = await describePrompt(resolved, {
        model: session.model(),
        tools: resolved.registry.apiTools(),
        signal,
        ...(client ? { client } : {}),
      });
      write(`${formatPromptDescription(description)}\n/prompt full prints the whole text.\n`);
    },
  };
}
