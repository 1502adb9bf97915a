// Who works in a lane: the teammates (of any process, from the shared roster) whose workspace is the lane's
// folder and who have not stopped. spawn_teammate puts one teammate in a lane; worktree_remove waits for none.
import type { Team } from "@lcc/s15";

/** "alice (idle)" for each teammate not stopped whose workspace is `path`, in roster order. */
export async function laneUsers(team: Team, path: string): Promise<string[]> {
  const members = await team.roster.list();
  return members
    .filter((member) => member.workspace === path && member.state !== "stopped")
    .map((member) => `${member.name} (${member.state})`);
}
