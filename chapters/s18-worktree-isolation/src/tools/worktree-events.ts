// `worktree_events`: the newest entries of the append-only lane log (create, run, keep, remove, adopt, lost).
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import { describeLaneEvents } from "../describe-lanes.ts";
import type { LaneEvent } from "../lane-events.ts";
import type { WorktreeManager } from "../worktree-manager.ts";

/** Most events one call returns. */
export const MAX_EVENTS_PER_CALL = 200;

/** What the UI, logs and tests read about the events returned. */
export interface WorktreeEventsDetails {
  events: LaneEvent[];
}

export function createWorktreeEventsTool(manager: WorktreeManager) {
  return defineTool({
    name: "worktree_events",
    description:
      "Show the newest lane events, oldest first, one line each: time, type (create, run_start, run_end, keep, " +
      "remove, adopt = a worktree found that was not recorded, lost = a lane removed outside these tools), lane, " +
      `detail. limit defaults to 20, at most ${MAX_EVENTS_PER_CALL}. Changes nothing.`,
    input: z.object({
      limit: z
        .number()
        .int()
        .min(1)
        .max(MAX_EVENTS_PER_CALL)
        .default(20)
        .describe(`How many of the newest events (default 20, max ${MAX_EVENTS_PER_CALL}).`),
    }),
    readOnly: true,
    concurrencySafe: true,
    async run({ limit }) {
      const events = await manager.events({ limit });
      const details: WorktreeEventsDetails = { events };
      return { content: describeLaneEvents(events), details };
    },
  });
}
