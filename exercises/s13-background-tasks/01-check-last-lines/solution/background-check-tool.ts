// SOLUTION (s13 01): s13's background_check whose output limit is counted in lines: the last `lines` lines of
// the log (default DEFAULT_CHECK_LINES, at most MAX_CHECK_LINES, within CHECK_TAIL_CHARS characters), with a
// note when earlier output was left out. Simplified from chapters/s13-background-tasks/src/background-check-tool.ts.
import { statSync } from "node:fs";
import { relative } from "node:path";
import { defineTool, ToolError } from "@lcc/s02";
import { type BackgroundManager, describeJobs, describeStatus, formatDuration } from "@lcc/s13";
import { z } from "zod";

/** Characters of a log's tail a check reads at most. */
export const CHECK_TAIL_CHARS = 4000;
/** Lines a check shows when the model does not say. */
export const DEFAULT_CHECK_LINES = 20;
/** The most lines one check may ask for. */
export const MAX_CHECK_LINES = 200;
/** The longest wait one check may ask for (ms). */
export const MAX_CHECK_WAIT_MS = 600_000;

export const backgroundCheckInput = z.object({
  id: z
    .string()
    .min(1)
    .optional()
    .describe("The command's id (b1, b2, ...); omit to list every background command."),
  wait_ms: z
    .number()
    .int()
    .positive()
    .max(MAX_CHECK_WAIT_MS)
    .optional()
    .describe(
      `Wait up to this long for it to end (max ${MAX_CHECK_WAIT_MS}); without an id, for all to end.`,
    ),
  lines: z
    .number()
    .int()
    .positive()
    .max(MAX_CHECK_LINES)
    .optional()
    .describe(`With an id: how many of the log's last lines to show (default ${DEFAULT_CHECK_LINES}).`),
});

export function createBackgroundCheckTool(manager: BackgroundManager) {
  return defineTool({
    name: "background_check",
    description:
      "Without id: this session's background commands with status and runtime. With id: its status, exit " +
      `code and the last lines of its log (lines, default ${DEFAULT_CHECK_LINES}). wait_ms waits for the end ` +
      "(then reported here, not later): only when you have nothing else to do.",
    input: backgroundCheckInput,
    readOnly: true,
    concurrencySafe: true,
    parentOnly: true,
    async run(input, { signal }) {
      if (input.id === undefined) return describeJobs(manager.list());
      const known = manager.get(input.id);
      if (!known) throw new ToolError(`No background command ${input.id}.`);
      const job = input.wait_ms ? ((await manager.wait(input.id, input.wait_ms, signal)) ?? known) : known;
      const tail = manager.tail(job.id, CHECK_TAIL_CHARS);
      const output = describeOutput(tail, input.lines ?? DEFAULT_CHECK_LINES, job.logPath, manager.workspace);
      return {
        content: [
          `${job.id} · ${describeStatus(job)} · ${formatDuration((job.endedAt ?? Date.now()) - job.startedAt)}`,
          `command: ${job.command}`,
          `log: ${relative(manager.workspace, job.logPath)}`,
          output,
        ].join("\n"),
        details: job,
      };
    },
  });
}

/** The output section: the last `count` lines of the log's `tail`, saying when earlier output was left out. */
function describeOutput(tail: string, count: number, logPath: string, workspace: string): string {
  if (tail.trim() === "") return "output: (none yet)";
  const lines = tail.trimEnd().split("\n");
  const shown = lines.slice(-count);
  // The tail may itself be cut at CHECK_TAIL_CHARS: the log then holds more than it, even if every line shows.
  const cut = shown.length < lines.length || statSync(logPath).size > Buffer.byteLength(tail);
  const header = cut
    ? `output (last ${shown.length} lines; earlier output left out, it is in ${relative(workspace, logPath)}):`
    : "output (all of it):";
  return `${header}\n${shown.join("\n")}`;
}
