// `/cron`: the scheduled prompts of this session and the durable ones, with their next fire times;
// `/cron delete <id>` removes one (a job a repository shipped, too) without asking the model.
import type { SlashCommand } from "@lcc/s02";
import type { CronScheduler } from "./cron-scheduler.ts";
import { describeJobs, shortPrompt } from "./describe-job.ts";

export function createCronCommand(scheduler: CronScheduler): SlashCommand {
  return {
    name: "cron",
    usage: "/cron [delete <id>]",
    summary: "scheduled prompts: cron, next fire, kind, expiry; delete <id> removes one",
    async run(args, { write }) {
      const [action = "", id = ""] = args.trim().split(/\s+/);
      if (action === "delete") {
        if (!id) return write("Usage: /cron delete <id> (/cron lists the ids).\n");
        const removed = await scheduler.remove(id).catch((error: unknown) => {
          write(`Could not delete ${id}: ${error instanceof Error ? error.message : String(error)}\n`);
          return null;
        });
        if (removed === null) return;
        if (!removed) return write(`No scheduled prompt ${id}. /cron lists them.\n`);
        return write(
          `Deleted ${id}: "${shortPrompt(removed.prompt)}"${removed.durable ? " (and from cron.json)" : ""}.\n`,
        );
      }
      if (action) return write("Usage: /cron, or /cron delete <id>.\n");
      const { jobs, problem } = scheduler.list();
      write(`${describeJobs(jobs, scheduler.now(), problem)}\n`);
    },
  };
}
