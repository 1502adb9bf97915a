// The summary request: the exact history the model just saw, plus one instruction as the final user text.
import type Anthropic from "@anthropic-ai/sdk";
import { type MessageParam, textOf } from "@lcc/s01";

/** The tag that opens the instruction (the fake model in tests and the bench recognises it by this). */
export const SUMMARY_REQUEST_TAG = "<compaction-request>";

/** The sections every summary has, in order. */
export const SUMMARY_SECTIONS = [
  "Goal — what the user wants overall, with every constraint and preference they stated.",
  "Current state — what is done, what is in progress, what was verified (commands run and their results).",
  "Decisions — choices made and why; approaches tried and rejected, and why.",
  "Files — every file read, created or changed, one line each on its role or the change made.",
  "Errors and fixes — problems hit and how they were solved, or that they are still open.",
  "Next steps — exactly what to do next to continue the task in progress.",
  "The user's own words — the requests and corrections that matter, quoted verbatim.",
];

/** The instruction appended to the history. `focus` (from /compact or the compact tool) is quoted in it. */
export function buildSummaryInstruction(focus?: string): string {
  const lines = [
    SUMMARY_REQUEST_TAG,
    "This conversation is about to be compacted: everything above will be replaced by your summary, so write it",
    "for yourself, continuing this work with no other memory of it. Do not call any tools. Answer with the",
    "summary only, in these sections:",
    "",
    ...SUMMARY_SECTIONS.map((section, index) => `${index + 1}. ${section}`),
    "",
    "Be specific: names, paths, commands, numbers, error messages. No pleasantries.",
  ];
  const trimmed = focus?.trim();
  if (trimmed) lines.push(`Focus the summary on: ${trimmed}`);
  lines.push("</compaction-request>");
  return lines.join("\n");
}

/**
 * The summary request's messages: `history` unchanged (so its bytes equal the previous request's
 * and the prompt cache is read), with `instruction` appended to the last user message, or as a new
 * user message after an assistant one. Does not mutate `history`.
 */
export function withSummaryInstruction(
  history: readonly MessageParam[],
  instruction: string,
): MessageParam[] {
  const block: Anthropic.TextBlockParam = { type: "text", text: instruction };
  const last = history.at(-1);
  if (last?.role !== "user") return [...history, { role: "user", content: [block] }];
  const content: Anthropic.ContentBlockParam[] =
    typeof last.content === "string" ? [{ type: "text", text: last.content }] : [...last.content];
  return [...history.slice(0, -1), { role: "user", content: [...content, block] }];
}

/** True when a request body is a summary request: its last user text is the compaction instruction. */
export function isSummaryRequest(body: { messages: readonly MessageParam[] }): boolean {
  const last = body.messages.at(-1);
  if (!last || typeof last.content === "string") return false;
  const block = last.content.at(-1);
  return block?.type === "text" && block.text.startsWith(SUMMARY_REQUEST_TAG);
}

/** The summary text of the model's answer (tool calls, which it was told not to make, are ignored). */
export function summaryTextOf(message: Anthropic.Message): string {
  return textOf(message.content);
}
