// EXERCISE (s14 02): a new tool, `cron_remind {in_minutes, prompt}`: "remind me in 20 minutes" as a one-shot job
// on the scheduler. Write cronAt(time): the 5-field expression that matches exactly the local minute of `time`.
import { defineTool, ToolError } from "@lcc/s02";
import { CronInputError, type CronScheduler, formatLocalTime } from "@lcc/s14";
import { z } from "zod";

const MINUTE = 60_000;

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
      const at = Math.floor((scheduler.now() + in_minutes * MINUTE) / MINUTE) * MINUTE;
      try {
        const job = await scheduler.create({ cron: cronAt(at), prompt, recurring: false, durable: false });
        const when = job.nextFireAt === undefined ? "never" : formatLocalTime(job.nextFireAt);
        return { content: `Reminder ${job.id} (${job.cron}) fires ${when}.`, details: { job } };
      } catch (error) {
        if (error instanceof CronInputError) throw new ToolError(error.message);
        throw error;
      }
    },
  });
}
