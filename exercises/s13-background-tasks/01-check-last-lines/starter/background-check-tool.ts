// EXERCISE (s13 01): a copy of chapters/s13-background-tasks/src/background-check-tool.ts to change. Make
// `background_check {id, lines}` show the last `lines` lines of the log (default DEFAULT_CHECK_LINES, at most
// MAX_CHECK_LINES, never more than CHECK_TAIL_CHARS characters) and say when earlier output was left out.
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
      // TODO: show only the last `input.lines` (default DEFAULT_CHECK_LINES) lines, and say when output was left out.
      const output = tail.trim() === "" ? "output: (none yet)" : `output (last lines):\n${tail.trimEnd()}`;
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
