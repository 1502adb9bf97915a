// `cron_create`: schedule a prompt on a 5-field cron expression; returns the id and the next fire time.
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import { CronFileError } from "../cron-file.ts";
import { expiresAt } from "../cron-job.ts";
import { CronInputError, type CronScheduler } from "../cron-scheduler.ts";
import { formatLocalTime, formatUtcOffset, type ScheduledJob } from "../describe-job.ts";

export const cronCreateInput = z.object({
  cron: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('Five fields "minute hour day-of-month month day-of-week" in local time, e.g. "0 9 * * 1-5".'),
  prompt: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .describe("What to do when it fires, self-contained: the conversation may have moved on by then."),
  recurring: z
    .boolean()
    .default(true)
    .describe("true (default): every matching minute, for 7 days; false: once, at the next matching minute."),
  durable: z
    .boolean()
    .default(false)
    .describe(
      "true: kept in .lcc/cron.json and loaded by later sessions; false (default): this session only.",
    ),
});

/** What the UI, logs and tests read about a created job. */
export interface CronCreateDetails {
  job: ScheduledJob;
}

export function createCronCreateTool(scheduler: CronScheduler) {
  return defineTool({
    name: "cron_create",
    description:
      "Schedule a prompt on a 5-field cron expression in the user's local time (names, ranges, lists, steps; 0 " +
      "or 7 is Sunday; when both day fields are set either may match). It fires up to 30 s after its minute, only " +
      "between turns (an idle session starts a turn for it). Recurring jobs expire after 7 days; recurring: false " +
      "fires once (for 'in 10 minutes', cron_list gives the time now). Returns the id and next fire time.",
    input: cronCreateInput,
    parentOnly: true,
    summarizeInput: (input) => {
      const { cron, prompt } = input as { cron?: string; prompt?: string };
      return `${cron ?? ""}: ${prompt ?? ""}`;
    },
    async run(input) {
      let job: ScheduledJob;
      try {
        job = await scheduler.create(input);
      } catch (error) {
        if (error instanceof CronInputError)
          throw new ToolError(
            `${error.message}. Use five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * 1-5" or "*/15 * * * *".`,
          );
        if (error instanceof CronFileError)
          throw new ToolError(
            `Cannot keep a durable job: ${error.message}. Ask the user to fix or remove that file, or create the job with durable: false.`,
          );
        throw error;
      }
      const details: CronCreateDetails = { job };
      return { content: describeCreated(job, scheduler.now()), details };
    },
  });
}

/** "Scheduled a1b2c3d4 (0 9 * * 1-5, recurring, this session only). Next fire: … ." */
function describeCreated(job: ScheduledJob, now: number): string {
  const kind = `${job.recurring ? "recurring" : "one-shot"}, ${job.durable ? "durable" : "this session only"}`;
  const next = job.nextFireAt === undefined ? "none" : formatLocalTime(job.nextFireAt);
  const expiry = expiresAt(job);
  return [
    `Scheduled ${job.id} (${job.cron}, ${kind}). Next fire: ${next}.`,
    expiry === undefined ? "It is removed after it fires." : `It expires ${formatLocalTime(expiry)}.`,
    `Local time now: ${formatLocalTime(now)} (${formatUtcOffset(now)}). Remove it with cron_delete {"id":"${job.id}"}.`,
  ].join(" ");
}
