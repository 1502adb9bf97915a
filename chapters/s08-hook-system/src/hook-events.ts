// The events s08 adds to the shared union: one start/end pair per hook command run.
import "@lcc/s02";
import type { HookEventName } from "./hook-config.ts";

/** How a hook run ended: continued (exit 0), blocked (exit 2 or a JSON block/deny), or failed without blocking. */
export type HookRunResult = "ok" | "blocked" | "error";

declare module "@lcc/s02" {
  interface AgentEventMap {
    hook_start: { event: HookEventName; command: string; target?: string };
    hook_end: {
      event: HookEventName;
      command: string;
      target?: string;
      result: HookRunResult;
      /** The block reason, the error, or what the hook said to the user (systemMessage). */
      message?: string;
      durationMs: number;
    };
  }
  interface ContinueReasons {
    /** A Stop hook blocked the model from stopping (s08). */
    stop_hook: true;
  }
}
