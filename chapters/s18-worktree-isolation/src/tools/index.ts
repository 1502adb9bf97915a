// The seven worktree_* tools over one lane manager, in the order the model reads them.
import type { Tool } from "@lcc/s02";
import type { WorktreeManager } from "../worktree-manager.ts";
import { createWorktreeCreateTool } from "./worktree-create.ts";
import { createWorktreeEventsTool } from "./worktree-events.ts";
import { createWorktreeKeepTool } from "./worktree-keep.ts";
import { createWorktreeListTool } from "./worktree-list.ts";
import { createWorktreeRemoveTool } from "./worktree-remove.ts";
import { createWorktreeRunTool } from "./worktree-run.ts";
import { createWorktreeStatusTool } from "./worktree-status.ts";

/** What the tools take from the setup context: s06's long-output limits, as bash takes them. */
export interface WorktreeToolsOptions {
  largeOutputs?: { savedOverChars: number; keepChars: number };
  /** s18's setup: who works in a lane's folder (teammates); worktree_remove refuses while anyone does. */
  laneUsers?: (path: string) => Promise<string[]>;
}

/**
 * worktree_create, worktree_list, worktree_status, worktree_run, worktree_keep, worktree_remove and
 * worktree_events over `manager`. With `largeOutputs` (s06), worktree_run keeps up to `keepChars` and says
 * that longer output is saved to a file, exactly as bash does. With `laneUsers`, worktree_remove refuses a lane
 * a teammate works in.
 */
export function createWorktreeTools(manager: WorktreeManager, options: WorktreeToolsOptions = {}): Tool[] {
  const large = options.largeOutputs;
  return [
    createWorktreeCreateTool(manager),
    createWorktreeListTool(manager),
    createWorktreeStatusTool(manager),
    createWorktreeRunTool(
      manager,
      large ? { maxOutputChars: large.keepChars, savedOverChars: large.savedOverChars } : {},
    ),
    createWorktreeKeepTool(manager),
    createWorktreeRemoveTool(manager, options.laneUsers ? { users: options.laneUsers } : {}),
    createWorktreeEventsTool(manager),
  ];
}
