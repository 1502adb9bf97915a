// How the harness marks text it adds to a user message (hook context, reminders): the model reads it,
// the user did not type it. Claude Code's convention; later chapters wrap their additions with it.

/** `text` inside `<system-reminder>` tags, each on its own line. */
export function wrapSystemReminder(text: string): string {
  return `<system-reminder>\n${text}\n</system-reminder>`;
}
