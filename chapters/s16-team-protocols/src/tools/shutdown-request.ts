// `shutdown_request {teammate, reason?}` (the lead's): asks a teammate to stop. It returns at once with the
// request_id; the teammate's answer arrives in the lead's inbox, and an unanswered request expires.
import { defineTool } from "@lcc/s02";
import { LEAD_NAME } from "@lcc/s15";
import { z } from "zod";
import { type Protocol, seconds } from "../protocol.ts";
import { openRequest } from "../protocol-message.ts";
import { checkStoppable } from "../request-shutdown.ts";

export function createShutdownRequestTool(protocol: Protocol) {
  const { team, requests } = protocol;
  return defineTool({
    name: "shutdown_request",
    description:
      "Ask a teammate to shut down. It answers with approve or reject (with a reason); the answer arrives in " +
      "your inbox as a shutdown_response with the same request_id. Approved, it finishes its current step " +
      `and stops; rejected, it goes on. Unanswered after ${seconds(protocol.shutdownTimeoutMs)}, the request ` +
      "expires and you are told. An unknown or stopped teammate is refused.",
    input: z.object({
      teammate: z.string().trim().min(1).describe("The teammate's name"),
      reason: z.string().trim().min(1).max(2000).optional().describe("Why it should stop (it reads this)"),
    }),
    parentOnly: true,
    ownStateOnly: true,
    summarizeInput: (input) => (input as { teammate?: string }).teammate ?? "?",
    async run({ teammate, reason }) {
      await checkStoppable(team, teammate);
      const [pending] = await requests.list({ state: "pending", kind: "shutdown", to: teammate });
      if (pending)
        return {
          content: `${teammate} already has a pending shutdown request (${pending.id}); its answer will arrive in your inbox.`,
          details: { request_id: pending.id, teammate },
        };
      const id = await openRequest(team, requests, {
        kind: "shutdown",
        from: LEAD_NAME,
        to: teammate,
        body: reason ?? "the lead asks you to stop",
      });
      protocol.watch(id, `Your shutdown request to ${teammate}`);
      return {
        content: `Asked ${teammate} to shut down (request ${id}). Its answer arrives in your inbox; do not poll.`,
        details: { request_id: id, teammate },
      };
    },
  });
}
