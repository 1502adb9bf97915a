// `worktree_run`: a shell command with the lane as its working folder — bash's limits, deny-list, output
// cap and abort, judged by s07 exactly as bash (the shellCommand trait).
import { join } from "node:path";
import { formatCount } from "@lcc/chapter-kit";
import {
  DEFAULT_SHELL_TIMEOUT_MS,
  deniedReason,
  describeShellRun,
  MAX_SHELL_TIMEOUT_MS,
  MAX_TOOL_OUTPUT_CHARS,
} from "@lcc/s01";
import { type BashDetails, defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import type { WorktreeManager } from "../worktree-manager.ts";
import { laneNameInput } from "./lane-input.ts";

export const worktreeRunInput = z.object({
  name: laneNameInput,
  command: z
    .string()
    .min(1)
    .describe("The command line to run through the user's shell, in the lane's folder."),
  timeout_ms: z
    .number()
    .int()
    .positive()
    .max(MAX_SHELL_TIMEOUT_MS)
    .optional()
    .describe(`Timeout in milliseconds (default ${DEFAULT_SHELL_TIMEOUT_MS}, max ${MAX_SHELL_TIMEOUT_MS}).`),
});

/** What the UI, logs and tests read about a run in a lane: bash's details plus where it ran. */
export interface WorktreeRunDetails extends BashDetails {
  lane: string;
  /** The lane's folder, the command's working folder. */
  cwd: string;
}

/** Long output, as bash treats it (s06 raises the kept size and saves past `savedOverChars`). */
export interface WorktreeRunOptions {
  /** Characters kept (head and tail). Default 50,000. */
  maxOutputChars?: number;
  /** Set when a later phase saves outputs over this size to a file: the description says so. */
  savedOverChars?: number;
}

export function createWorktreeRunTool(manager: WorktreeManager, options: WorktreeRunOptions = {}) {
  const maxChars = options.maxOutputChars ?? MAX_TOOL_OUTPUT_CHARS;
  const overflow =
    options.savedOverChars === undefined
      ? `Output over ${formatCount(maxChars)} characters keeps its head and tail, so filter long output.`
      : `Output over ${formatCount(options.savedOverChars)} characters is saved to a file; you get a preview and the path.`;
  return defineTool({
    name: "worktree_run",
    description:
      "Run a shell command with a lane's folder as its working folder (bash runs in the main checkout); " +
      "returns combined stdout+stderr and the exit code. Use it for builds, tests and git in the lane: commit " +
      "there (git add -A && git commit -m …) before worktree_remove. " +
      `Default timeout ${DEFAULT_SHELL_TIMEOUT_MS / 1000} s, max ${MAX_SHELL_TIMEOUT_MS / 1000} s. ${overflow} ` +
      "Processes left running (&) are stopped when the command ends. The same rules as bash apply; sudo, " +
      "rm -rf /, shutdown and raw-device writes are refused. An unknown or removed lane is refused: worktree_list.",
    input: worktreeRunInput,
    destructive: true,
    // Judged as bash by s07: a Bash deny rule cannot be side-stepped by running the command in a lane.
    shellCommand: true,
    summarizeInput: (input) => {
      const { name, command } = input as { name?: string; command?: string };
      return `${name ?? ""}: ${command ?? ""}`;
    },
    async run(input, { signal }) {
      const reason = deniedReason(input.command);
      if (reason) throw new ToolError(`Refused: ${reason}. Find a safer command that does what you need.`);
      const timeoutMs = input.timeout_ms ?? DEFAULT_SHELL_TIMEOUT_MS;
      const run = await manager.run(input.name, input.command, { signal, timeoutMs, maxChars });
      const result = describeShellRun(run, timeoutMs, maxChars);
      const details: WorktreeRunDetails = {
        lane: input.name,
        cwd: join(manager.folder, input.name),
        exitCode: run.exitCode,
        timedOut: run.timedOut,
        interrupted: run.aborted,
        droppedChars: run.droppedChars,
      };
      return { content: result.text, isError: result.isError, interrupted: run.aborted, details };
    },
  });
}
