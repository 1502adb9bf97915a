// `worktree_status`: one live lane in detail — its line, `git status --short --branch`, its last commits.
import { defineTool } from "@lcc/s02";
import { z } from "zod";
import { describeLane } from "../describe-lanes.ts";
import type { Lane, WorktreeManager } from "../worktree-manager.ts";
import { laneNameInput, withGitAdvice } from "./lane-input.ts";

/** What the UI, logs and tests read about a lane's status. */
export interface WorktreeStatusDetails {
  lane: Lane;
  /** `git status --short --branch` in the lane. */
  status: string;
  /** The branch's last 5 commits, "<short sha> <subject>". */
  commits: string[];
}

export function createWorktreeStatusTool(manager: WorktreeManager) {
  return defineTool({
    name: "worktree_status",
    description:
      "Show one live lane: its summary line, git status in it (changed and untracked files) and the last 5 " +
      "commits of its branch. Use it before worktree_remove to see what is not committed yet. Changes nothing.",
    input: z.object({ name: laneNameInput }),
    readOnly: true,
    concurrencySafe: true,
    async run({ name }) {
      const { lane, status, commits } = await withGitAdvice(
        () => manager.status(name),
        "The lane's status could not be read; worktree_list shows whether it is still there.",
      );
      const details: WorktreeStatusDetails = { lane, status, commits };
      const content = [
        describeLane(lane, manager.workspace),
        "git status:",
        status.trimEnd(),
        `Last commits on ${lane.branch}:`,
        ...(commits.length === 0 ? ["(none)"] : commits),
      ].join("\n");
      return { content, details };
    },
  });
}
