// `cron_delete`: remove a scheduled prompt by id (from .lcc/cron.json too when it is durable).
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import { CronFileError } from "../cron-file.ts";
import type { CronJob } from "../cron-job.ts";
import type { CronScheduler } from "../cron-scheduler.ts";
import { shortPrompt } from "../describe-job.ts";

export function createCronDeleteTool(scheduler: CronScheduler) {
  return defineTool({
    name: "cron_delete",
    description: "Removes a scheduled prompt by its id (cron_list shows the ids). It will not fire again.",
    input: z.object({ id: z.string().trim().min(1).describe("The job id cron_create returned.") }),
    parentOnly: true,
    async run({ id }) {
      let removed: CronJob | undefined;
      try {
        removed = await scheduler.remove(id);
      } catch (error) {
        if (error instanceof CronFileError) throw new ToolError(`Cannot remove ${id}: ${error.message}.`);
        throw error;
      }
      if (!removed) {
        const known = scheduler.list().jobs.map((job) => job.id);
        throw new ToolError(
          `No scheduled prompt has id '${id}'. ${known.length === 0 ? "There are none." : `Known ids: ${known.join(", ")}.`}`,
        );
      }
      return {
        content: `Deleted ${removed.id} (${removed.cron}): "${shortPrompt(removed.prompt)}".`,
        details: { job: removed },
      };
    },
  });
}
