// Who works in a lane: the teammates (of any process, from the shared roster) whose workspace is the lane's
// folder and who have not stopped. spawn_teammate puts one teammate in a lane; worktree_remove refuses a lane
// in use, after giving a teammate of this process that is shutting down (an approved handshake) time to go.
import type { Team } from "@lcc/s15";

/** How long a lane's teammates that are already shutting down are waited for before the lane counts as used. */
export const LANE_RELEASE_WAIT_MS = 10_000;

/** "alice (idle)" for each teammate not stopped whose workspace is `path`, in roster order. */
export async function laneUsers(team: Team, path: string, waitMs = LANE_RELEASE_WAIT_MS): Promise<string[]> {
  const leaving = team.running().filter((teammate) => teammate.workspace === path && teammate.stopping());
  if (leaving.length > 0) {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise((resolve) => {
      timer = setTimeout(resolve, waitMs);
    });
    await Promise.race([Promise.all(leaving.map((teammate) => teammate.done)), deadline]);
    clearTimeout(timer);
  }
  const members = await team.roster.list();
  return members
    .filter((member) => member.workspace === path && member.state !== "stopped")
    .map((member) => `${member.name} (${member.state})`);
}
