// After a compaction, the memories this session saved (and the ones it forgot) go back into the
// compacted history as a <system-reminder>: the summary may have lost them and the system prompt's
// index (built at session start) does not show them. The system prompt itself is never touched.
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@lcc/s01";
import type { AgentHooks } from "@lcc/s02";
import type { MemoryLibrary, SessionChanges } from "./memory-library.ts";

/** Each re-injected memory keeps at most this much of its content. */
export const REMINDER_CONTENT_MAX_CHARS = 2_000;

const COMPACTED_OPEN = "<compacted-context>";
const CONTINUE_OPEN = "<continue-after-compaction>";

/** The reminder for `changes`, or undefined when this session saved and forgot nothing. Pure. */
export function buildMemoryReminder(
  changes: SessionChanges,
  displayPath: (path: string) => string,
): string | undefined {
  if (changes.saved.size === 0 && changes.forgotten.size === 0) return undefined;
  const saved = [...changes.saved.values()].map((memory) => {
    const content =
      memory.content.length > REMINDER_CONTENT_MAX_CHARS
        ? `${memory.content.slice(0, REMINDER_CONTENT_MAX_CHARS)}\n… (the rest is in the file)`
        : memory.content;
    return `## ${memory.name} (${memory.type}, ${displayPath(memory.path)})\n${memory.description}\n\n${content}`;
  });
  const forgotten =
    changes.forgotten.size > 0
      ? [`Forgotten this session (ignore them in the index): ${[...changes.forgotten].join(", ")}.`]
      : [];
  return [
    "<system-reminder>",
    "Memories saved during this session, before the compaction (the memory index in the system prompt does not list them yet):",
    ...saved,
    ...forgotten,
    "</system-reminder>",
  ].join("\n\n");
}

/**
 * Puts `reminder` into the compacted history: before its closing "continue" block, in the newest
 * message that starts with the compaction summary; else after everything in the last user message.
 * Returns a new array; messages other than the one changed are shared. Pure.
 */
export function injectAfterCompaction(messages: readonly MessageParam[], reminder: string): MessageParam[] {
  const block: Anthropic.TextBlockParam = { type: "text", text: reminder };
  const blocksOf = (message: MessageParam): Anthropic.ContentBlockParam[] =>
    typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
  const compacted = messages.findLastIndex((message) => {
    const first = blocksOf(message)[0];
    return message.role === "user" && first?.type === "text" && first.text.startsWith(COMPACTED_OPEN);
  });
  const index = compacted >= 0 ? compacted : messages.findLastIndex((message) => message.role === "user");
  const target = messages[index];
  if (!target) return [...messages];
  const blocks = blocksOf(target);
  const before = blocks.findIndex((entry) => entry.type === "text" && entry.text.startsWith(CONTINUE_OPEN));
  const at = compacted >= 0 && before >= 0 ? before : blocks.length;
  const content = [...blocks.slice(0, at), block, ...blocks.slice(at)];
  return messages.map((message, position) => (position === index ? { role: "user", content } : message));
}

/**
 * The hooks for one session: `onEvent` sees every event (a successful full compaction sets a flag),
 * and transformContext — running after s06's, so an auto-compaction of this very call is seen — injects
 * the reminder once per compaction.
 */
export function createMemoryReminder(library: MemoryLibrary): { hooks: AgentHooks; compacted(): void } {
  let pending = false;
  return {
    compacted() {
      pending = true;
    },
    hooks: {
      transformContext(messages) {
        if (!pending) return messages;
        pending = false;
        const reminder = buildMemoryReminder(library.changes(), library.displayPath);
        return reminder ? injectAfterCompaction(messages, reminder) : messages;
      },
    },
  };
}
