// `/cron`: the scheduled prompts of this session and the durable ones, with their next fire times.
import type { SlashCommand } from "@lcc/s02";
import type { CronScheduler } from "./cron-scheduler.ts";
import { describeJobs } from "./describe-job.ts";

export function createCronCommand(scheduler: CronScheduler): SlashCommand {
  return {
    name: "cron",
    usage: "/cron",
    summary: "scheduled prompts: cron, next fire, recurring or one-shot, durable, expiry",
    run(_args, { write }) {
      const { jobs, problem } = scheduler.list();
      write(`${describeJobs(jobs, scheduler.now(), problem)}\n`);
    },
  };
}
