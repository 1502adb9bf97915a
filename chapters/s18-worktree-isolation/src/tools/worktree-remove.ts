// `worktree_remove`: the lane's folder goes, never its uncommitted work unless forced; its branch goes only
// when merged; complete_task closes the bound task in s12's graph; a lane a teammate still works in stays.
import { join } from "node:path";
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import type { RemoveOutcome } from "../remove-lane.ts";
import type { WorktreeManager } from "../worktree-manager.ts";
import { laneNameInput, withGitAdvice } from "./lane-input.ts";

export const worktreeRemoveInput = z.object({
  name: laneNameInput,
  force: z
    .boolean()
    .default(false)
    .describe("true drops uncommitted and untracked changes, and removes a kept lane. Default false."),
  complete_task: z
    .boolean()
    .default(false)
    .describe("true marks the lane's bound task completed once the lane is gone. Default false."),
});

/** What the UI, logs and tests read about a removal. */
export type WorktreeRemoveDetails = RemoveOutcome;

export interface WorktreeRemoveOptions {
  /** s18's setup: who works in a lane's folder ("alice (idle)"); the lane is not removed while anyone does. */
  users?: (path: string) => Promise<string[]>;
}

export function createWorktreeRemoveTool(manager: WorktreeManager, options: WorktreeRemoveOptions = {}) {
  return defineTool({
    name: "worktree_remove",
    description:
      "Remove a lane when its work is done: its folder goes (git worktree remove). Its branch wt/<name> is " +
      "deleted when merged into the lane's base, otherwise kept (the result says which, and how to merge or " +
      "delete it). complete_task: true completes the bound task. Refused, nothing changed: a lane with " +
      "uncommitted or untracked changes (the refusal lists them: commit them in the lane with worktree_run, or " +
      "pass force: true to drop them), a kept lane (force), an unknown or already removed lane, a lane a " +
      "teammate works in (shut it down first).",
    input: worktreeRemoveInput,
    destructive: true,
    // Lanes are the lead's to make and remove: subagents and teammates work in them, never manage them.
    parentOnly: true,
    summarizeInput: (input) => {
      const {
        name,
        force,
        complete_task: complete,
      } = input as {
        name?: string;
        force?: boolean;
        complete_task?: boolean;
      };
      const flags = [force && "force", complete && "complete task"].filter(Boolean);
      return `${name ?? ""}${flags.length > 0 ? ` (${flags.join(", ")})` : ""}`;
    },
    async run(input) {
      const users = (await options.users?.(join(manager.folder, input.name))) ?? [];
      if (users.length > 0)
        throw new ToolError(
          `Lane ${input.name} is the workspace of ${users.join(", ")}; removing it would pull the folder from ` +
            "under them. Shut them down first (shutdown_request), then remove the lane. Nothing was changed.",
        );
      const outcome = await withGitAdvice(
        () => manager.remove(input.name, { force: input.force, completeTask: input.complete_task }),
        "The lane was not removed; worktree_status shows its state.",
      );
      const details: WorktreeRemoveDetails = outcome;
      return { content: outcome.message, details };
    },
  });
}
