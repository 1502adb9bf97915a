// `/worktrees`: the lanes for the user (state, branch, bound task, dirty, ahead/behind, folder) — the same
// lines the model gets from worktree_list; `/worktrees events [n]` the newest lane events.
import type { SlashCommand } from "@lcc/s02";
import { describeLaneEvents, describeLanes, displayLanePath } from "./describe-lanes.ts";
import type { WorktreeManager } from "./worktree-manager.ts";

/** Events `/worktrees events` shows without a count. */
export const DEFAULT_SHOWN_EVENTS = 20;

export function createWorktreesCommand(manager: WorktreeManager): SlashCommand {
  const usage = "Usage: /worktrees, or /worktrees events [count].\n";
  return {
    name: "worktrees",
    usage: "/worktrees [events [n]]",
    summary: "worktree lanes: state, branch, task, dirty, folder; events [n] the lane log",
    async run(args, { write }) {
      const [action = "", count = "", ...rest] = args.trim().split(/\s+/).filter(Boolean);
      if (action === "events") {
        const limit = count === "" ? DEFAULT_SHOWN_EVENTS : Number(count);
        if (!Number.isInteger(limit) || limit < 1 || rest.length > 0) return write(usage);
        return write(`${describeLaneEvents(await manager.events({ limit }))}\n`);
      }
      if (action) return write(usage);
      const { lanes, problems } = await manager.list();
      const folder = displayLanePath(manager.folder, manager.workspace);
      write(`Lanes in ${folder}\n${describeLanes(lanes, problems, manager.workspace)}\n`);
    },
  };
}
