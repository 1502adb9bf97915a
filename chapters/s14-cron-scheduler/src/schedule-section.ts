// The `schedule` system section: when to schedule a prompt, and what a <scheduled-prompt> is.
import type { SystemSection } from "@lcc/s02";

export const SCHEDULE_SECTION: SystemSection = {
  name: "schedule",
  text: [
    "# Scheduled prompts",
    "cron_create runs a prompt later, on a 5-field cron expression in the user's local time (cron_list states the time now). " +
      'Use it when the user asks for something at a time or repeatedly ("every weekday at 9", "in 20 minutes", ' +
      '"check the deploy every 10 minutes"), not to wait for a command you started. Recurring jobs expire after 7 days; ' +
      "set durable: true only when the user wants the job to outlive this session.",
    "A <scheduled-prompt> message is such a job firing: do what it asks now, as the user's request.",
  ].join("\n"),
};
