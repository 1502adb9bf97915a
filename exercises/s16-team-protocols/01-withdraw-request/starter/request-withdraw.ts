// EXERCISE (s16 01): a new lead tool, `request_withdraw {request_id}`: the lead takes back a request it sent
// that is still pending (the record moves pending → expired once, by compare-and-set) and tells the recipient
// with a response message. Only the lead's own requests; a decided one is refused with its decision.
import { defineTool } from "@lcc/s02";
import type { Protocol } from "@lcc/s16";
import { z } from "zod";

export function createRequestWithdrawTool(protocol: Protocol) {
  return defineTool({
    name: "request_withdraw",
    description:
      "Withdraw a request you sent that is still waiting for its answer (a shutdown_request you no longer " +
      "want). The teammate is told; an answer it sends later is refused. A request already answered cannot be " +
      "withdrawn.",
    input: z.object({
      request_id: z.string().trim().describe('The request\'s id ("req_" + 16 hex digits)'),
    }),
    parentOnly: true,
    ownStateOnly: true,
    async run({ request_id }) {
      // TODO: check the request is the lead's, expire it (protocol.requests), tell its recipient.
      void protocol;
      return { content: `Withdrew ${request_id}.` };
    },
  });
}
