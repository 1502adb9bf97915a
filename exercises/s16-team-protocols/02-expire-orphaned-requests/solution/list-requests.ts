// SOLUTION (s16 02): s16's list_requests with an expiry rule: a pending request whose teammate has stopped (or is
// not on the roster) can never be answered, so listing expires it (by compare-and-set) and says so.
// Otherwise chapters/s16-team-protocols/src/tools/list-requests.ts.
import { defineTool } from "@lcc/s02";
import { LEAD_NAME, RequestError, type TeamRequest } from "@lcc/s15";
import { describeRequests, type Protocol } from "@lcc/s16";
import { z } from "zod";

/**
 * Expires every pending request whose teammate (the side that is not the lead) is stopped or not on the
 * roster, and returns the requests it expired. A request answered meanwhile is left as it was.
 */
export async function expireOrphanedRequests(protocol: Protocol): Promise<TeamRequest[]> {
  const { requests, team } = protocol;
  const live = new Set(
    (await team.roster.list()).filter((member) => member.state !== "stopped").map((member) => member.name),
  );
  const expired: TeamRequest[] = [];
  for (const request of await requests.list({ state: "pending" })) {
    if (live.has(teammateOf(request))) continue;
    try {
      expired.push(await requests.expire(request.id));
    } catch (error) {
      // Answered between the list and the expiry: the compare-and-set lost, and the answer stands.
      if (!(error instanceof RequestError)) throw error;
    }
  }
  return expired;
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
  return request.from === LEAD_NAME ? request.to : request.from;
}
