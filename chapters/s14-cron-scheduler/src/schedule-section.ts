// The `schedule` system section: when to schedule a prompt, and what a <scheduled-prompt> is.
import type { SystemSection } from "@lcc/s02";

export const SCHEDULE_SECTION: SystemSection = {
  name: "schedule",
  text: [
    "Scheduled prompts: cron_create when the user wants something at a time or repeatedly, never to wait for",
    "your own commands; durable: true only if it must outlive this session. A <scheduled-prompt> message is a",
    "job firing: do what it asks now, as the user's request.",
  ].join("\n"),
};
