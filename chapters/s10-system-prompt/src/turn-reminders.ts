// Per-turn facts as <system-reminder>s in the user message about to be sent (transformContext): the
// date changed, the git status changed. The system prompt and earlier messages are never edited.
import type { MessageParam } from "@lcc/s01";
import { type AgentHooks, type EmitEvent, wrapSystemReminder } from "@lcc/s02";
import { formatDate } from "./environment.ts";
import "./reminder-events.ts";
import type { ReminderSource } from "./reminder-events.ts";

export interface TurnRemindersOptions {
  now: () => Date;
  /** The date the environment section states. */
  sessionDate: string;
  /** The branch and status the environment section states; undefined: not a repository, no git checks. */
  gitStatus?: { branch: string; status: string };
  /**
   * When `gitStatus` was read (`performance.now()`). The first prompt of a session given within
   * `gitStatusFreshMs` of it does not read git again: nothing has run since (one git process fewer at start).
   */
  gitStatusReadAt?: number;
  /** Default GIT_STATUS_FRESH_MS. */
  gitStatusFreshMs?: number;
  /** Reads the status again (one git process); undefined when git does not answer. */
  readGitStatus: (signal: AbortSignal) => Promise<{ branch: string; status: string } | undefined>;
  emit: EmitEvent;
}

/** How long the status read while the session was made still holds for its first prompt (`lcc -p`). */
export const GIT_STATUS_FRESH_MS = 1000;

/**
 * The hooks: before every model call the date is compared with the last one the model was told; on
 * the first round of a run (once per prompt: it costs a process) the git status is read and compared
 * with the last one told — except for a first prompt that follows the session's own read at once. A
 * change becomes a reminder appended to the last user message, after its tool results — that message
 * has not been sent yet, so no request the cache holds changes.
 */
export function createTurnReminders(options: TurnRemindersOptions): AgentHooks {
  let toldDate = options.sessionDate;
  let toldGit = options.gitStatus;
  let setupReadAt = options.gitStatusReadAt;
  return {
    async transformContext(messages, context) {
      if (messages.at(-1)?.role !== "user") return messages;
      const reminders: Array<{ source: ReminderSource; text: string }> = [];
      const today = formatDate(options.now());
      if (today !== toldDate) {
        reminders.push({
          source: "date",
          text: `The date has changed: today is ${today} (the session began on ${options.sessionDate}).`,
        });
        toldDate = today;
      }
      const fresh =
        setupReadAt !== undefined &&
        performance.now() - setupReadAt < (options.gitStatusFreshMs ?? GIT_STATUS_FRESH_MS);
      if (context.turn === 1) setupReadAt = undefined;
      if (toldGit && context.turn === 1 && !fresh) {
        const current = await options.readGitStatus(context.signal);
        if (current && (current.status !== toldGit.status || current.branch !== toldGit.branch)) {
          reminders.push({
            source: "git_status",
            text: `The git status changed since you were last told. Branch: ${current.branch}. Status:\n${current.status}`,
          });
          toldGit = current;
        }
      }
      for (const reminder of reminders) options.emit({ type: "system_reminder", ...reminder });
      return reminders.length === 0
        ? messages
        : withReminders(
            messages,
            reminders.map((reminder) => reminder.text),
          );
    },
  };
}

/** A copy of `messages` whose last (user) message has the reminders appended as text blocks. */
function withReminders(messages: readonly MessageParam[], texts: readonly string[]): MessageParam[] {
  const last = messages.at(-1);
  if (!last) return [...messages];
  const blocks =
    typeof last.content === "string" ? [{ type: "text" as const, text: last.content }] : last.content;
  const added = texts.map((text) => ({ type: "text" as const, text: wrapSystemReminder(text) }));
  return [...messages.slice(0, -1), { role: "user", content: [...blocks, ...added] }];
}
