// `worktree_keep`: mark a lane to stay (for review, for the user): worktree_remove then refuses it without force.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import { describeLane } from "../describe-lanes.ts";
import type { Lane, WorktreeManager } from "../worktree-manager.ts";
import { laneNameInput } from "./lane-input.ts";

/** What the UI, logs and tests read about a kept lane. */
export interface WorktreeKeepDetails {
  lane: Lane;
}

export function createWorktreeKeepTool(manager: WorktreeManager) {
  return defineTool({
    name: "worktree_keep",
    description:
      "Mark a live lane as kept: its folder and branch stay for the user to review, and worktree_remove refuses " +
      "it unless force is given. Use it when the user should look at a lane's work before it goes. Changes only " +
      "the lanes' own records.",
    input: z.object({ name: laneNameInput }),
    // Lanes are the lead's to make and remove: subagents and teammates work in them, never manage them.
    parentOnly: true,
    // Writes only the lanes' state.json and events log: s07 runs it without a question (a deny rule still wins).
    ownStateOnly: true,
    async run({ name }) {
      const lane = await manager.keep(name);
      const details: WorktreeKeepDetails = { lane };
      return {
        content: `Lane ${name} is kept: worktree_remove refuses it without force.\n${describeLane(lane, manager.workspace)}`,
        details,
      };
    },
  });
}
