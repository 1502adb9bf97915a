// Who is in a lane: a teammate of this process that is already shutting down is given time to go before the
// lane counts as used (worktree_remove right after an approved handshake); one that is not is reported at once.
import type { Member, Team, Teammate } from "@lcc/s15";
import { describe, expect, it } from "vitest";
import { laneUsers } from "./lane-users.ts";

const LANE = "/repo/.lcc/worktrees/a";

/** A team with one teammate in the lane whose roster entry turns "stopped" when it is done. */
function teamWithAlice(stopping: boolean, goneAfterMs: number) {
  let state: Member["state"] = "working";
  const done = new Promise<void>((resolve) =>
    setTimeout(() => {
      state = "stopped";
      resolve();
    }, goneAfterMs),
  );
  const alice = { name: "alice", workspace: LANE, stopping: () => stopping, done } as unknown as Teammate;
  const member = (): Member => ({ name: "alice", role: "writer", state, spawnedAt: "", workspace: LANE });
  return { running: () => [alice], roster: { list: async () => [member()] } } as unknown as Team;
}

describe("laneUsers", () => {
  it("waits for a teammate of the lane that is shutting down, then finds the lane free", async () => {
    const started = Date.now();
    expect(await laneUsers(teamWithAlice(true, 100), LANE)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it("reports a teammate that is not shutting down without waiting", async () => {
    const started = Date.now();
    expect(await laneUsers(teamWithAlice(false, 5_000), LANE)).toEqual(["alice (working)"]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("waits no longer than its limit for one that does not go", async () => {
    expect(await laneUsers(teamWithAlice(true, 5_000), LANE, 50)).toEqual(["alice (working)"]);
  });
});
