// `background_check`: the list of background commands, or one command's status and output tail; with
// wait_ms it waits for the end (the way a headless run waits, abortable by the turn's signal).
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import {
  type BackgroundJob,
  describeStatus,
  displayPath,
  formatDuration,
  runtimeOf,
  shortCommand,
} from "./background-job.ts";
import type { BackgroundManager } from "./background-manager.ts";

/** Characters of a log's tail a check shows. */
export const CHECK_TAIL_CHARS = 4000;
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
});

/** One line per command: "b1  running  12 s  npm run dev". Pure. */
export function describeJobs(jobs: readonly BackgroundJob[], now = Date.now()): string {
  if (jobs.length === 0) return "No background commands in this session.";
  return jobs
    .map(
      (job) =>
        `${job.id}  ${describeStatus(job)}  ${formatDuration(runtimeOf(job, now))}  ${shortCommand(job.command)}`,
    )
    .join("\n");
}

export function createBackgroundCheckTool(manager: BackgroundManager) {
  return defineTool({
    name: "background_check",
    description:
      "Without id: this session's background commands with status and runtime. With id: its status, exit " +
      `code and the last ${CHECK_TAIL_CHARS} characters of its log. wait_ms waits for the end (then reported ` +
      "here, not later): only when you have nothing else to do.",
    input: backgroundCheckInput,
    readOnly: true,
    concurrencySafe: true,
    parentOnly: true,
    summarizeInput: (input) => {
      const { id, wait_ms: waitMs } = input as { id?: string; wait_ms?: number };
      return `${id ?? "all"}${waitMs ? ` · wait ${formatDuration(waitMs)}` : ""}`;
    },
    async run(input, { signal }) {
      if (input.id === undefined) {
        if (input.wait_ms) await waitForAll(manager, input.wait_ms, signal);
        return describeJobs(manager.list());
      }
      const known = manager.get(input.id);
      if (!known) {
        const ids = manager.list().map((job) => job.id);
        throw new ToolError(
          `No background command ${input.id}. ${ids.length > 0 ? `Known: ${ids.join(", ")}.` : "None was started in this session."}`,
        );
      }
      const job = input.wait_ms ? ((await manager.wait(input.id, input.wait_ms, signal)) ?? known) : known;
      const tail = manager.tail(job.id, CHECK_TAIL_CHARS);
      return {
        content: [
          `${job.id} · ${describeStatus(job)} · ${formatDuration(runtimeOf(job))}${job.status === "running" ? " so far" : ""}`,
          `command: ${job.command}`,
          `log: ${displayPath(job.logPath, manager.workspace)}`,
          tail.trim() === "" ? "output: (none yet)" : `output (last lines):\n${tail.trimEnd()}`,
        ].join("\n"),
        details: job,
      };
    },
  });
}

/** Waits until nothing runs, `ms` pass or the signal aborts; ends still arrive as notifications. */
async function waitForAll(manager: BackgroundManager, ms: number, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + ms;
  while (manager.running() > 0 && Date.now() < deadline && !signal.aborted) {
    const running = manager.list().filter((job) => job.status === "running");
    await Promise.race(running.map((job) => manager.wait(job.id, deadline - Date.now(), signal)));
  }
}
