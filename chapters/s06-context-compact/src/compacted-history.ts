// What the history becomes after a compaction: summary, the user's own words, fresh files, loaded skills.
import type Anthropic from "@anthropic-ai/sdk";
import { capOutput, type MessageParam } from "@lcc/s01";

/** Each user message keeps at most this many characters (head and tail) ... */
export const USER_MESSAGE_MAX_CHARS = 5_000;
/** ... and all of them together at most this many: the first and the newest are kept. */
export const USER_MESSAGES_MAX_CHARS = 30_000;

const SUMMARY_OPEN = "<compacted-context>";
const USER_OPEN = "<user-message>";
const USER_CLOSE = "</user-message>";
/** Text blocks that are context the harness added, not the user's words. */
const HARNESS_PREFIXES = [
  SUMMARY_OPEN,
  "<file ",
  "<skill ",
  "<plan>",
  "<system-reminder>",
  "<continue-after-compaction>",
];

export interface RecentFile {
  /** Workspace-relative path. */
  path: string;
  content: string;
}

export interface CompactedHistoryInput {
  summary: string;
  /** The user's own messages, oldest first (see collectUserMessages). */
  userMessages: readonly string[];
  files: readonly RecentFile[];
  /** Context the session keeps across compactions, already rendered: loaded skills, the open plan. */
  reinjected: readonly string[];
  /** Where the full transcript was saved, as the model should read the path. */
  transcriptPath: string;
  trigger: string;
}

/**
 * Every text the user typed, oldest first: plain text blocks of user messages, plus the messages an
 * earlier compaction carried over in `<user-message>` blocks. Tool results, reminders and the
 * harness's own blocks are left out. Pure.
 */
export function collectUserMessages(messages: readonly MessageParam[]): string[] {
  const collected: string[] = [];
  for (const message of messages) {
    if (message.role !== "user") continue;
    const blocks: Anthropic.ContentBlockParam[] =
      typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
    for (const block of blocks) {
      if (block.type !== "text") continue;
      const text = block.text.trim();
      if (text.startsWith(USER_OPEN) && text.endsWith(USER_CLOSE)) {
        collected.push(text.slice(USER_OPEN.length, -USER_CLOSE.length).trim());
      } else if (text && !HARNESS_PREFIXES.some((prefix) => text.startsWith(prefix))) {
        collected.push(text);
      }
    }
  }
  return collected;
}

/**
 * Keeps the user's messages within the budgets: each one capped (head and tail), then the first
 * message (usually the goal) and as many of the newest as fit; `omitted` counts the others. Pure.
 */
export function budgetUserMessages(messages: readonly string[]): { kept: string[]; omitted: number } {
  const capped = messages.map((text) =>
    capOutput(text, USER_MESSAGE_MAX_CHARS, "(see the transcript for all of it)"),
  );
  const [first, ...rest] = capped;
  if (first === undefined) return { kept: [], omitted: 0 };
  let used = first.length;
  const newest: string[] = [];
  for (const text of [...rest].reverse()) {
    if (used + text.length > USER_MESSAGES_MAX_CHARS) break;
    used += text.length;
    newest.unshift(text);
  }
  return { kept: [first, ...newest], omitted: rest.length - newest.length };
}

/**
 * The history after a compaction: one user message whose blocks are the summary, the user's own
 * messages, the current content of recently touched files, the loaded skills and a line telling the
 * model how to go on. A single user message, so the next prompt or tool round joins it without
 * breaking the role alternation. Pure.
 */
export function buildCompactedHistory(input: CompactedHistoryInput): MessageParam[] {
  const { kept, omitted } = budgetUserMessages(input.userMessages);
  const omittedNote =
    omitted > 0 ? [`${omitted} earlier messages of the user are only in the transcript.`] : [];
  const blocks: Anthropic.TextBlockParam[] = [
    {
      type: "text",
      text: [
        SUMMARY_OPEN,
        `This conversation was compacted (${input.trigger}) to free context. The summary below replaces everything`,
        `before this point. The full transcript is saved at ${input.transcriptPath}; read it only if a detail you need is missing.`,
        ...omittedNote,
        "",
        input.summary.trim(),
        "</compacted-context>",
      ].join("\n"),
    },
    ...kept.map((text) => ({ type: "text" as const, text: `${USER_OPEN}\n${text}\n${USER_CLOSE}` })),
    ...input.files.map((file) => ({
      type: "text" as const,
      text: `<file path="${file.path}" note="current content, re-read after the compaction">\n${file.content}\n</file>`,
    })),
    ...input.reinjected.map((text) => ({ type: "text" as const, text })),
    {
      type: "text",
      text: [
        "<continue-after-compaction>",
        "The user's messages above are their own words, the last one the most recent. If a task is in progress,",
        "continue it from the summary's next steps without repeating finished work; otherwise answer the user.",
        "</continue-after-compaction>",
      ].join("\n"),
    },
  ];
  return [{ role: "user", content: blocks }];
}
