// EXERCISE (s18 02): `worktree_prune` removes every lane that has nothing to lose — clean, not kept, no commit
// its base lacks — and says why each other lane stays. Write pruneReason, then the tool's run.
import { defineTool } from "@lcc/s02";
import type { Lane, WorktreeManager } from "@lcc/s18";
import { z } from "zod";

/** What the UI, logs and tests read about a prune. */
export interface WorktreePruneDetails {
  removed: string[];
  /** Each lane that stays, with why. */
  kept: Array<{ name: string; why: string }>;
}

/**
 * Why live lane `lane` must stay — "kept", "uncommitted changes", "2 commits not on main", "its base is
 * unknown" — or undefined when removing it loses nothing. Pure.
 */
export function pruneReason(lane: Lane): string | undefined {
  void lane;
  return "not checked yet";
}

export function createWorktreePruneTool(manager: WorktreeManager) {
  return defineTool({
    name: "worktree_prune",
    description:
      "Remove every lane whose work is safe elsewhere: no uncommitted changes, not kept, no commit its base " +
      "lacks (its branch is deleted too). Lanes that would lose something stay; the result says why each stays.",
    input: z.object({}),
    parentOnly: true,
    async run() {
      void manager;
      const details: WorktreePruneDetails = { removed: [], kept: [] };
      return { content: "No lane was removed.", details };
    },
  });
}
