// `/bg`: the session's background commands, running and finished, each with the tail of its log.
import type { SlashCommand } from "@lcc/s02";
import { describeJobs } from "./background-check-tool.ts";
import { displayPath } from "./background-job.ts";
import type { BackgroundManager } from "./background-manager.ts";

/** Lines of a log's tail /bg shows per command. */
export const BG_TAIL_LINES = 3;

export function createBgCommand(manager: BackgroundManager): SlashCommand {
  return {
    name: "bg",
    usage: "/bg",
    summary: "background commands, running and finished, with the tail of each log",
    run(_args, { write }) {
      const jobs = manager.list();
      if (jobs.length === 0) return write(`${describeJobs(jobs)}\n`);
      const blocks = jobs.map((job) => {
        const tail = manager
          .tail(job.id, 1000)
          .trimEnd()
          .split("\n")
          .filter((line) => line.trim() !== "")
          .slice(-BG_TAIL_LINES)
          .map((line) => `    │ ${line}`);
        return [
          `  ${describeJobs([job])}`,
          `    log: ${displayPath(job.logPath, manager.workspace)}`,
          ...tail,
        ].join("\n");
      });
      write(`${blocks.join("\n")}\n`);
    },
  };
}
