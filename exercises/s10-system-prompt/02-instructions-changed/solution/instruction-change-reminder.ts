// SOLUTION (s10 02): an instruction file edited during the session reaches the model as a <system-reminder>
// in the next prompt's user message; the system prompt, read once at start, is never rebuilt.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { MessageParam } from "@lcc/s01";
import { type AgentHooks, wrapSystemReminder } from "@lcc/s02";
import type { InstructionFile } from "@lcc/s10";

/** The reminder for a file now reading `text` (undefined: it was deleted). */
export function instructionChangeText(name: string, text: string | undefined): string {
  return text === undefined
    ? `${name} was deleted since you were last told: its instructions no longer apply.`
    : `${name} changed since you were last told. It now says:\n${text}`;
}

/**
 * A transformContext seam: on the first round of each prompt (`context.turn === 1`) every file of
 * `files` is read again; each whose text differs from what the model was last told (at first, the text
 * in the system prompt) adds one reminder, named relative to `workspace`, to the last (user) message.
 * Each change is told once. Never throws: an unreadable file counts as deleted.
 */
export function createInstructionChangeReminder(
  files: readonly InstructionFile[],
  workspace: string,
): AgentHooks {
  const told = new Map<string, string | undefined>(files.map((file) => [file.path, file.text]));
  return {
    transformContext(messages, context) {
      if (context.turn !== 1 || messages.at(-1)?.role !== "user") return messages;
      const reminders: string[] = [];
      for (const [path, before] of told) {
        const now = readOrUndefined(path);
        if (now === before) continue;
        told.set(path, now);
        reminders.push(wrapSystemReminder(instructionChangeText(relative(workspace, path), now)));
      }
      return reminders.length === 0 ? messages : withTexts(messages, reminders);
    },
  };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** A copy of `messages` whose last message (a user message) has `texts` appended as text blocks. */
function withTexts(messages: readonly MessageParam[], texts: readonly string[]): MessageParam[] {
  const last = messages.at(-1) as MessageParam;
  const blocks =
    typeof last.content === "string" ? [{ type: "text" as const, text: last.content }] : last.content;
  const added = texts.map((text) => ({ type: "text" as const, text }));
  return [...messages.slice(0, -1), { role: "user", content: [...blocks, ...added] }];
}
