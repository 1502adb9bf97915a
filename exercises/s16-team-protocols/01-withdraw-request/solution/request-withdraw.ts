// SOLUTION (s16 01): `request_withdraw {request_id}` (the lead's): a pending request the lead sent is expired
// (pending → expired once, by compare-and-set: an answer that came first wins and is reported) and the
// recipient is told with a response message in the one protocol shape, so its later answer is refused.
import { defineTool } from "@lcc/s02";
import { LEAD_NAME, RequestError, TeamError } from "@lcc/s15";
import { formatProtocolMessage, type Protocol } from "@lcc/s16";
import { z } from "zod";

export function createRequestWithdrawTool(protocol: Protocol) {
  const { team, requests } = protocol;
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
      const request = await requests.get(request_id);
      if (request.from !== LEAD_NAME)
        throw new RequestError(
          `${request_id} is ${request.from}'s ${request.kind} request to ${request.to}, not yours: answer it instead`,
        );
      // The compare-and-set: throws "already approved; cannot expire it" when the answer came first.
      const withdrawn = await requests.expire(request_id);
      const content = formatProtocolMessage({
        type: "response",
        kind: withdrawn.kind,
        request_id,
        state: "expired",
        body: "withdrawn by the lead",
      });
      await team.send(LEAD_NAME, withdrawn.to, content, "response").catch((error: unknown) => {
        if (!(error instanceof TeamError)) throw error; // a stopped recipient has nothing to be told
      });
      return {
        content: `Withdrew ${request_id} (${withdrawn.kind} request to ${withdrawn.to}); it has been told.`,
        details: { request: withdrawn },
      };
    },
  });
}
