// The event s10 adds to the shared union, and how it shows: a per-turn fact sent to the model.
import type { EventRenderer } from "@lcc/s02";

/** What a reminder is about. */
export type ReminderSource = "date" | "git_status";

declare module "@lcc/s02" {
  interface AgentEventMap {
    /** A `<system-reminder>` was added to the user message about to be sent. */
    system_reminder: { source: ReminderSource; text: string };
  }
}

const SUMMARY: Record<ReminderSource, string> = {
  date: "the date changed",
  git_status: "the git status changed",
};

/** `↻ reminder for the model: the git status changed` (the chapter printer and lcc alike). */
export const renderReminderEvents: EventRenderer = (event) =>
  event.type === "system_reminder" ? [`↻ reminder for the model: ${SUMMARY[event.source]}`] : undefined;
