// s18's place for spawn_teammate: `worktree: "<lane>"` makes an active lane the teammate's workspace, so its
// file tools resolve inside the lane (and refuse the main checkout) and its bash runs there.
import type { SpawnPlace } from "@lcc/s15";
import { checkLaneName } from "./lane-name.ts";
import { WorktreeError } from "./worktree-error.ts";
import type { WorktreeManager } from "./worktree-manager.ts";

export interface LanePlaceOptions {
  /** The session's lane manager (a getter: the setup makes it after the team). */
  manager: () => WorktreeManager;
  /** Who works in a lane's folder now (laneUsers over the session's team). */
  users: (path: string) => Promise<string[]>;
}

/** The worktree field's description, for the model. */
export const LANE_PLACE_DESCRIPTION =
  "The name of an active lane (worktree_create) to work in instead of the main checkout: its file tools " +
  "are confined to the lane's folder and its bash runs there. One teammate per lane.";

/**
 * The SpawnPlace of lanes. `resolve(name)` returns the folder of the active lane `name`; it throws a
 * WorktreeError saying what to do for a bad name, an unknown, kept or removed lane, or a lane another
 * teammate (not stopped) works in. Changes nothing.
 */
export function createLanePlace(options: LanePlaceOptions): SpawnPlace {
  return {
    describe: LANE_PLACE_DESCRIPTION,
    async resolve(value) {
      const name = checkLaneName(value);
      const { lanes } = await options.manager().list();
      const lane = lanes.find((candidate) => candidate.name === name);
      const refuse = (why: string): never => {
        throw new WorktreeError(`No teammate was spawned: ${why}`);
      };
      if (!lane)
        return refuse(
          `there is no lane ${name}. Make it with worktree_create {"name":"${name}"} first; worktree_list shows the lanes.`,
        );
      if (lane.state === "removed")
        return refuse(
          `lane ${name} was removed. Make it again with worktree_create, or pick a lane worktree_list shows as active.`,
        );
      if (lane.state === "kept")
        return refuse(
          `lane ${name} is kept for the user to review. Make a new lane with worktree_create for new work.`,
        );
      const users = await options.users(lane.path);
      if (users.length > 0)
        return refuse(
          `lane ${name} is the workspace of ${users.join(", ")}: one teammate per lane. Send a message instead, or make another lane with worktree_create.`,
        );
      return lane.path;
    },
  };
}
