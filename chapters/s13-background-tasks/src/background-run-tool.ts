// `background_run`: starts a command that keeps running while the agent works; returns its id at once.
import { deniedReason, MAX_SHELL_TIMEOUT_MS } from "@lcc/s01";
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import { displayPath } from "./background-job.ts";
import type { BackgroundManager } from "./background-manager.ts";

export const backgroundRunInput = z.object({
  command: z.string().min(1).describe("The command line to run in the background through the user's shell."),
  timeout_ms: z
    .number()
    .int()
    .positive()
    .max(24 * 60 * 60 * 1000)
    .optional()
    .describe("Kill it after this many milliseconds (default: no limit; it stops when the session ends)."),
});

/** What the UI and tests read about a start. */
export interface BackgroundRunDetails {
  id: string;
  logPath: string;
}

export function createBackgroundRunTool(manager: BackgroundManager) {
  return defineTool({
    name: "background_run",
    description:
      "Start a shell command in the background; returns its id (b1, b2, ...) at once. Output goes to a bounded log. " +
      "When it ends, a <background-results> message (status, exit code, output tail) comes with your next " +
      "request; background_check shows it meanwhile, background_kill stops it. For output you need now " +
      `(under ${MAX_SHELL_TIMEOUT_MS / 60_000} minutes) use bash. It stops when the session ends.`,
    input: backgroundRunInput,
    destructive: true,
    parentOnly: true,
    // Judged as bash by s07: a Bash deny rule cannot be side-stepped by starting the command here.
    shellCommand: true,
    async run(input) {
      const reason = deniedReason(input.command);
      if (reason) throw new ToolError(`Refused: ${reason}. Find a safer command that does what you need.`);
      const job = manager.start(input.command, input.timeout_ms ? { timeoutMs: input.timeout_ms } : {});
      const details: BackgroundRunDetails = { id: job.id, logPath: job.logPath };
      const content = [
        `Started ${job.id} in the background: ${input.command}`,
        `Log: ${displayPath(job.logPath, manager.workspace)}`,
        `Its result arrives as a <background-results> message when it ends. background_check {"id":"${job.id}"} shows its output so far; background_kill {"id":"${job.id}"} stops it.`,
      ].join("\n");
      return { content, details };
    },
  });
}
