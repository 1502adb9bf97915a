// SOLUTION (s18 02): `worktree_prune` removes every lane that has nothing to lose — clean, not kept, no commit
// its base lacks — through the manager's own remove (which checks again under the lanes lock), and says why
// each other lane stays.
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
  if (lane.state === "kept") return "kept";
  if (lane.dirty !== false) return "uncommitted changes";
  if (lane.ahead === undefined || lane.base === null) return "its base is unknown";
  if (lane.ahead > 0) return `${lane.ahead} commit${lane.ahead === 1 ? "" : "s"} not on ${lane.base}`;
  return undefined;
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
      const details: WorktreePruneDetails = { removed: [], kept: [] };
      for (const lane of (await manager.list()).lanes) {
        if (lane.state === "removed") continue;
        const why = pruneReason(lane);
        if (why) details.kept.push({ name: lane.name, why });
        else {
          // Never forced: a change made since list() makes remove refuse, and the lane stays.
          await manager.remove(lane.name);
          details.removed.push(lane.name);
        }
      }
      const lines = [
        details.removed.length > 0 ? `Removed: ${details.removed.join(", ")}.` : "No lane was removed.",
        ...details.kept.map((lane) => `Kept ${lane.name}: ${lane.why}.`),
      ];
      return { content: lines.join("\n"), details };
    },
  });
}
