// s10 02: an instruction file edited during the session reaches the model as a <system-reminder> in the
// next prompt's user message; the system prompt, read once at start, is never rebuilt.
import type { AgentHooks } from "@lcc/s02";
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
  _files: readonly InstructionFile[],
  _workspace: string,
): AgentHooks {
  return {
    // TODO: remember each file's text, read them again on turn 1, append wrapSystemReminder(...) blocks
    // (from @lcc/s02) for the ones that changed.
    transformContext: (messages) => messages,
  };
}
