// What lcc says about teammates (s15) that still run: in the prompt line while they work, and when the
// session ends and shuts them down (s16's handshake first, then they are stopped).
import type { FullSetup } from "../full-setup.ts";

/** The teammates of this session still running (working or idle), by name. */
export function runningTeammates(setup: Pick<FullSetup, "team">): string[] {
  return setup.team.running().map((teammate) => teammate.name);
}

/** The ones working right now (the prompt line counts them; lcc -p waits for them). */
export function workingTeammates(setup: Pick<FullSetup, "team">): string[] {
  return setup.team
    .running()
    .filter((teammate) => teammate.current() === "working")
    .map((teammate) => teammate.name);
}

/** "shutting down 2 teammates: alice, bob (each is asked first)". */
export function describeTeamShutdown(names: readonly string[]): string {
  const count = names.length === 1 ? "1 teammate" : `${names.length} teammates`;
  return `shutting down ${count}: ${names.join(", ")} (each is asked first, then stopped)`;
}
