// `background_kill`: stops a background command and every process it started (its whole group).
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import { describeStatus, displayPath, formatDuration, runtimeOf } from "./background-job.ts";
import type { BackgroundManager } from "./background-manager.ts";

export const backgroundKillInput = z.object({
  id: z.string().min(1).describe("The command's id (b1, b2, ...), as background_run or bash named it."),
});

export function createBackgroundKillTool(manager: BackgroundManager) {
  return defineTool({
    name: "background_kill",
    description:
      "Stop a background command: its whole process group gets SIGTERM, then SIGKILL if it is still there " +
      `${formatDuration(manager.killGraceMs)} later. Returns once it is gone, with the tail of its log. A finished command is left as it is.`,
    input: backgroundKillInput,
    parentOnly: true,
    // Stops only this session's own commands: s07 lets it run without a question (a deny rule still wins).
    ownStateOnly: true,
    async run(input) {
      const before = manager.get(input.id);
      if (!before) throw new ToolError(`No background command ${input.id}. background_check lists them.`);
      if (before.status !== "running")
        return `${before.id} had already ended (${describeStatus(before)}); nothing to stop.`;
      const job = (await manager.kill(input.id)) ?? before;
      const tail = manager.tail(job.id, 1000).trimEnd();
      return {
        content: [
          `Killed ${job.id} and its process group after ${formatDuration(runtimeOf(job))}: ${job.command}`,
          `log: ${displayPath(job.logPath, manager.workspace)}`,
          ...(tail ? [`output (last lines):\n${tail}`] : []),
        ].join("\n"),
        details: job,
      };
    },
  });
}
