// The handoff s13 gives s02's bash (SetupContext.backgroundHandoff): a foreground command still running
// at its timeout, or one that looks like a server, becomes a background command, and bash says so.
import type { ShellHandoff } from "@lcc/s01";
import { displayPath, formatDuration } from "./background-job.ts";
import type { BackgroundManager } from "./background-manager.ts";
import { DEFAULT_SERVER_AFTER_MS, looksLikeServer } from "./server-output.ts";

/** The note bash's result ends with: the id, why, where the output goes, and what to do next. Pure. */
export function handoffNote(id: string, why: string, logPath: string): string {
  return (
    `still running: moved to the background as ${id} (${why}) instead of being stopped. ` +
    `Its output goes on in ${logPath}. You get a <background-results> message when it ends; ` +
    `background_check {"id":"${id}"} shows its output, background_kill {"id":"${id}"} stops it.`
  );
}

/** `serverAfterMs`: how long a command runs before a server line moves it (default 3 s; tests use less). */
export function createBackgroundHandoff(
  manager: BackgroundManager,
  options: { serverAfterMs?: number } = {},
): ShellHandoff {
  return {
    serverAfterMs: options.serverAfterMs ?? DEFAULT_SERVER_AFTER_MS,
    looksLikeServer,
    take(running) {
      const job = manager.adopt(running);
      if (!job) return undefined;
      const why =
        running.reason === "server"
          ? "it looks like a server"
          : `it was still running after its timeout, ${formatDuration(Date.now() - running.startedAt)}`;
      return handoffNote(job.id, why, displayPath(job.logPath, manager.workspace));
    },
  };
}
