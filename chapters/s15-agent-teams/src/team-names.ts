// Names on a team: a teammate's name becomes a stream name ("inbox:<name>") and a key ("member:<name>"), so it
// is checked once here. "lead" is the lead's own name; no teammate may take it.
import { TeamTransportError } from "./transport/team-transport.ts";

/** The lead's name: its inbox is "inbox:lead" and teammates address it as "lead". */
export const LEAD_NAME = "lead";

const TEAM_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

/** Throws TeamTransportError unless `name` is a letter then 0–31 of `a-z 0-9 _ -` ("alice", "lead"). */
export function checkTeamName(name: string): void {
  if (!TEAM_NAME_PATTERN.test(name))
    throw new TeamTransportError(
      `team name ${JSON.stringify(name)} is invalid: use a-z first, then up to 31 of a-z 0-9 _ - (e.g. "alice")`,
    );
}

/** Throws TeamTransportError unless `name` is a valid name other than the lead's (for teammates). */
export function checkTeammateName(name: string): void {
  checkTeamName(name);
  if (name === LEAD_NAME)
    throw new TeamTransportError(`"${LEAD_NAME}" is reserved for the lead; choose another teammate name`);
}
