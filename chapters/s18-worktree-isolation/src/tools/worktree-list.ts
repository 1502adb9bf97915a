// `worktree_list`: every lane with its state, branch, task, dirty or clean, ahead/behind its base, folder.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import { describeLanes } from "../describe-lanes.ts";
import type { Lane, WorktreeManager } from "../worktree-manager.ts";

/** What the UI, logs and tests read about a listing. */
export interface WorktreeListDetails {
  lanes: Lane[];
  problems: string[];
}

export function createWorktreeListTool(manager: WorktreeManager) {
  return defineTool({
    name: "worktree_list",
    description:
      "List the lanes (git worktrees made by worktree_create), one line each: name · state (active, kept, " +
      "removed) · branch · bound task · dirty or clean · commits ahead/behind its base · folder. Removed lanes " +
      "come last (their branch is kept when it holds unmerged commits). Changes nothing.",
    input: z.object({}),
    readOnly: true,
    concurrencySafe: true,
    async run() {
      const { lanes, problems } = await manager.list();
      const details: WorktreeListDetails = { lanes, problems };
      const empty = "No lanes yet. worktree_create makes one for a task.";
      return { content: describeLanes(lanes, problems, manager.workspace, empty), details };
    },
  });
}
