// EXERCISE (s16 02): a copy of chapters/s16-team-protocols/src/tools/list-requests.ts to change. Add an expiry
// rule: a pending request whose teammate has stopped (or left the roster) can never be answered, so listing
// expires it and says so, instead of showing it as waiting forever.
import { defineTool } from "@lcc/s02";
import type { TeamRequest } from "@lcc/s15";
import { describeRequests, type Protocol } from "@lcc/s16";
import { z } from "zod";

/**
 * Expires every pending request whose teammate (the side that is not the lead) is stopped or not on the
 * roster, and returns the requests it expired. A request answered meanwhile is left as it was.
 */
export async function expireOrphanedRequests(protocol: Protocol): Promise<TeamRequest[]> {
  // TODO: protocol.requests.list({ state: "pending" }), protocol.team.roster, protocol.requests.expire.
  void protocol;
  return [];
}

export function createListRequestsTool(protocol: Protocol) {
  return defineTool({
    name: "list_requests",
    description:
      "List the team's protocol requests waiting for an answer: plans to review with plan_review, shutdown " +
      "requests not yet answered. With all: true, also the most recently decided. A request whose teammate " +
      "has stopped is expired (it can never be answered).",
    input: z.object({ all: z.boolean().optional() }),
    readOnly: true,
    concurrencySafe: true,
    ownStateOnly: true,
    parentOnly: true,
    async run({ all = false }) {
      const expired = await expireOrphanedRequests(protocol);
      const note = expired.map((request) => `Expired ${request.id}: ${teammateOf(request)} has stopped.`);
      return [...note, await describeRequests(protocol.requests, all)].join("\n");
    },
  });
}

/** The side of a request that is not the lead. */
function teammateOf(request: TeamRequest): string {
  return request.from === "lead" ? request.to : request.from;
}
