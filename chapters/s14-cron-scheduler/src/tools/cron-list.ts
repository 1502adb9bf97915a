// `cron_list`: the local time now and every scheduled prompt with its next fire time.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import type { CronScheduler } from "../cron-scheduler.ts";
import { describeJobs, type ScheduledJob } from "../describe-job.ts";

/** What the UI, logs and tests read about a listing. */
export interface CronListDetails {
  jobs: ScheduledJob[];
  problem?: string;
}

export function createCronListTool(scheduler: CronScheduler) {
  return defineTool({
    name: "cron_list",
    description:
      "Lists the scheduled prompts (id, cron expression, next fire time, recurring or one-shot, durable or " +
      "this session only, expiry) in the order they fire, and states the user's local time now.",
    input: z.object({}),
    readOnly: true,
    concurrencySafe: true,
    parentOnly: true,
    async run() {
      const { jobs, problem } = scheduler.list();
      const details: CronListDetails = { jobs, ...(problem ? { problem } : {}) };
      return { content: describeJobs(jobs, scheduler.now(), problem), details };
    },
  });
}
