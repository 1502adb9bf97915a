// `/bg`: the session's background commands, running and finished, each with the tail of its log;
// `/bg <id>` one command with a longer tail; `/bg kill <id>` stops one (the model sees it when it checks).
import type { SlashCommand } from "@lcc/s02";
import { describeJobs } from "./background-check-tool.ts";
import { type BackgroundJob, describeStatus, displayPath } from "./background-job.ts";
import type { BackgroundManager } from "./background-manager.ts";

/** Lines of a log's tail /bg shows per command. */
export const BG_TAIL_LINES = 3;
/** Lines of a log's tail `/bg <id>` shows. */
export const BG_ONE_TAIL_LINES = 20;

export function createBgCommand(manager: BackgroundManager): SlashCommand {
  const block = (job: BackgroundJob, lines: number) => {
    const tail = manager
      .tail(job.id, 200 * lines)
      .trimEnd()
      .split("\n")
      .filter((line) => line.trim() !== "")
      .slice(-lines)
      .map((line) => `    │ ${line}`);
    return [
      `  ${describeJobs([job])}`,
      `    log: ${displayPath(job.logPath, manager.workspace)}`,
      ...tail,
    ].join("\n");
  };
  return {
    name: "bg",
    usage: "/bg [id | kill <id>]",
    summary: "background commands and the tail of their logs; kill <id> stops one",
    async run(args, { write }) {
      const [first = "", second = ""] = args.trim().split(/\s+/);
      if (first === "kill") {
        if (!second) return write("Usage: /bg kill <id> (/bg lists the ids).\n");
        const before = manager.get(second);
        if (!before) return write(`No background command ${second} in this session. /bg lists them.\n`);
        if (before.status !== "running")
          return write(`${second} already ended (${describeStatus(before)}).\n`);
        const job = await manager.kill(second);
        return write(
          `Stopped ${second} (${job ? describeStatus(job) : "killed"}). The model sees it when it next checks.\n`,
        );
      }
      if (first) {
        const job = manager.get(first);
        if (!job) return write(`No background command ${first} in this session. /bg lists them.\n`);
        return write(`${block(job, BG_ONE_TAIL_LINES)}\n`);
      }
      const jobs = manager.list();
      if (jobs.length === 0) return write(`${describeJobs(jobs)}\n`);
      write(`${jobs.map((job) => block(job, BG_TAIL_LINES)).join("\n")}\n`);
    },
  };
}
