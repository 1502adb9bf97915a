// The events s13 adds to the shared union: a background command started (or a foreground bash was
// moved to the background), and one ended — a start/end pair per command.
import "@lcc/s02";
import type { BackgroundJob } from "./background-job.ts";

declare module "@lcc/s02" {
  interface AgentEventMap {
    /** A command runs in the background now (`job.origin` says how it got there). */
    background_start: { job: BackgroundJob };
    /** A background command ended (exit, killed, timed out); emitted once, before its result is queued. */
    background_end: { job: BackgroundJob };
  }
}
