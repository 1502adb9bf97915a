// SOLUTION (s14 02): `cron_remind {in_minutes, prompt}`: "remind me in 20 minutes" as a one-shot job on s14's
// scheduler, at the cron expression of that one local minute (its day of week left "*": cron ORs the day fields).
import { defineTool, ToolError } from "@lcc/s02";
import { CronInputError, type CronScheduler, formatLocalTime } from "@lcc/s14";
import { z } from "zod";

const MINUTE = 60_000;

/** The cron expression matching the local minute of `time` (epoch ms), and no other minute this year. Pure. */
export function cronAt(time: number): string {
  const date = new Date(time);
  // Day of week "*": with both day fields restricted cron fires on EITHER (every Monday as well as the 5th).
  return `${date.getMinutes()} ${date.getHours()} ${date.getDate()} ${date.getMonth() + 1} *`;
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
