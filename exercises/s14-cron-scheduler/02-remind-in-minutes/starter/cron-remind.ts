// EXERCISE (s14 02): a new tool, `cron_remind {in_minutes, prompt}`: "remind me in 20 minutes" as a one-shot job
// on the scheduler. Write cronAt(time), the 5-field expression of exactly the local minute of `time`, and `run`.
import { defineTool } from "@lcc/s02";
import type { CronScheduler } from "@lcc/s14";
import { z } from "zod";

/** The cron expression matching the local minute of `time` (epoch ms), and no other minute this year. Pure. */
export function cronAt(time: number): string {
  // TODO: minute, hour, day of month and month of `time` in local time; which day-of-week field is safe?
  void time;
  return "* * * * *";
}

export function createCronRemindTool(scheduler: CronScheduler) {
  return defineTool({
    name: "cron_remind",
    description:
      "Remind yourself once, in_minutes from now (whole minutes, local time): the prompt is sent to you then, " +
      "between turns. For a fixed time or a repeating schedule use cron_create.",
    input: z.object({
      in_minutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .describe("How many minutes from now"),
      prompt: z.string().trim().min(1).max(10_000).describe("What to do then, self-contained"),
    }),
    parentOnly: true,
    async run({ in_minutes, prompt }) {
      // TODO: the local minute in_minutes from now (scheduler.now(), whole minutes), then a one-shot,
      // session-only job at cronAt(that minute). Say the job's id and when it fires.
      void scheduler;
      return { content: `Reminder in ${in_minutes} min: ${prompt} (not scheduled yet)` };
    },
  });
}
