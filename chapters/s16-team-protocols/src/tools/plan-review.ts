// `plan_review {request_id, approve, feedback?}` (the lead's): decides a teammate's submitted plan once (by
// compare-and-set) and sends the decision back; the teammate, waiting in plan_submit, goes on with it.
import { defineTool } from "@lcc/s02";
import { LEAD_NAME, RequestError, TeamError } from "@lcc/s15";
import { z } from "zod";
import type { Protocol } from "../protocol.ts";
import { sendResponse } from "../protocol-message.ts";

export function createPlanReviewTool(protocol: Protocol) {
  const { team, requests } = protocol;
  return defineTool({
    name: "plan_review",
    description:
      "Approve or reject a plan a teammate submitted (a plan_request in your inbox, or list_requests). The " +
      "teammate waits for this answer. Rejecting, give feedback saying what to change: it revises the plan and " +
      "submits it again under a new request_id. A plan is decided once; a second review is refused.",
    input: z.object({
      request_id: z.string().trim().describe('The plan request\'s id ("req_" + 16 hex digits)'),
      approve: z.boolean(),
      feedback: z
        .string()
        .trim()
        .min(1)
        .max(5000)
        .optional()
        .describe("What to change, or notes for the work"),
    }),
    parentOnly: true,
    ownStateOnly: true,
    summarizeInput: (input) => {
      const { request_id, approve } = input as { request_id?: string; approve?: boolean };
      return `${request_id ?? "?"} ${approve ? "approve" : "reject"}`;
    },
    async run({ request_id, approve, feedback }) {
      const request = await requests.get(request_id);
      if (request.kind !== "plan" || request.to !== LEAD_NAME)
        throw new RequestError(
          `${request_id} is not a plan submitted to you (it is a ${request.kind} request to ${request.to})`,
        );
      if (!approve && !feedback)
        throw new RequestError("say what to change: rejecting a plan needs feedback");
      const decided = await requests.answer(request_id, {
        approve,
        ...(feedback ? { reason: feedback } : {}),
      });
      const told = await sendResponse(team, decided).then(
        () => `${request.from} has been told and ${approve ? "goes ahead" : "will revise it"}.`,
        (error: unknown) => {
          if (error instanceof TeamError) return `${request.from} could not be told: ${error.message}.`;
          throw error;
        },
      );
      return {
        content: `Plan ${request_id} from ${request.from} ${decided.state}. ${told}`,
        details: { request: decided },
      };
    },
  });
}
