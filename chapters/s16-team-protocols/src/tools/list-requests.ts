// `list_requests {all?}` (the lead's): the protocol requests still waiting for an answer (plans to review,
// shutdowns not yet answered) and, with `all`, the most recent decided ones.
import { defineTool } from "@lcc/s02";
import type { TeamRequest } from "@lcc/s15";
import { z } from "zod";
import type { ProtocolRequests } from "../request-store.ts";

/** How many decided requests `all` (and /requests) show. */
export const SHOWN_DECIDED_REQUESTS = 10;

/** One request on one line: "req_… plan bob → lead · pending · 1. edit 2. test". */
export function describeRequest(request: TeamRequest): string {
  const body = request.body.replace(/\s+/g, " ").trim();
  const preview = body.length > 80 ? `${body.slice(0, 79)}…` : body;
  const reason = request.reason ? ` (${request.reason.replace(/\s+/g, " ").trim()})` : "";
  return `${request.id} ${request.kind} ${request.from} → ${request.to} · ${request.state}${reason} · ${preview}`;
}

/** The pending requests, then (with `all`) the newest decided ones, as lines. */
export async function describeRequests(requests: ProtocolRequests, all: boolean): Promise<string> {
  const stored = await requests.list();
  const pending = stored.filter((request) => request.state === "pending");
  const lines = pending.length > 0 ? pending.map(describeRequest) : ["No request is waiting for an answer."];
  if (all) {
    const decided = stored.filter((request) => request.state !== "pending").slice(-SHOWN_DECIDED_REQUESTS);
    if (decided.length > 0) lines.push("Recently decided:", ...decided.map(describeRequest));
  }
  return lines.join("\n");
}

export function createListRequestsTool(requests: ProtocolRequests) {
  return defineTool({
    name: "list_requests",
    description:
      "List the team's protocol requests waiting for an answer: plans to review with plan_review, shutdown " +
      `requests not yet answered. With all: true, also the ${SHOWN_DECIDED_REQUESTS} most recently decided.`,
    input: z.object({ all: z.boolean().optional() }),
    readOnly: true,
    concurrencySafe: true,
    ownStateOnly: true,
    parentOnly: true,
    summarizeInput: (input) => ((input as { all?: boolean }).all ? "all" : "pending"),
    async run({ all = false }) {
      return describeRequests(requests, all);
    },
  });
}
