// `shutdown_response {request_id, approve, reason?}` (a teammate's): answers the lead's shutdown request
// once, by compare-and-set. Approved, the teammate finishes this step and stops; rejected, it goes on.
import { defineTool } from "@lcc/s02";
import { RequestError, type Teammate } from "@lcc/s15";
import { z } from "zod";
import type { Protocol } from "../protocol.ts";
import { sendResponse } from "../protocol-message.ts";

export function createShutdownResponseTool(protocol: Protocol, teammate: Teammate) {
  const { team, requests } = protocol;
  return defineTool({
    name: "shutdown_response",
    description:
      "Answer a shutdown_request from the lead (its request_id is in the message). approve: true ends your " +
      "work after this step: make no further calls. approve: false lets you go on; give the reason (what you " +
      "must finish first), the lead reads it. Each request is answered once; only requests addressed to you.",
    input: z.object({
      request_id: z.string().trim().describe('The request\'s id ("req_" + 16 hex digits)'),
      approve: z.boolean(),
      reason: z.string().trim().min(1).max(2000).optional().describe("Why (required to reject)"),
    }),
    ownStateOnly: true,
    summarizeInput: (input) => {
      const { request_id, approve } = input as { request_id?: string; approve?: boolean };
      return `${request_id ?? "?"} ${approve ? "approve" : "reject"}`;
    },
    async run({ request_id, approve, reason }) {
      const request = await requests.get(request_id);
      if (request.kind !== "shutdown" || request.to !== teammate.name)
        throw new RequestError(
          `${request_id} is not a shutdown request to you (it is a ${request.kind} request to ${request.to})`,
        );
      if (!approve && !reason) throw new RequestError("say why you go on: rejecting needs a reason");
      const decided = await requests.answer(request_id, { approve, ...(reason ? { reason } : {}) });
      await sendResponse(team, decided);
      if (!approve)
        return {
          content: "You declined; the lead has your reason. Go on with your work.",
          details: { request: decided },
        };
      teammate.finish(`shut down at ${request.from}'s request`);
      return {
        content: "Shutdown approved: you stop after this step. Make no further tool calls.",
        details: { request: decided },
      };
    },
  });
}
