// `/requests`: the protocol requests waiting for an answer and the most recent decided ones, answered
// without asking the model.
import type { SlashCommand } from "@lcc/s02";
import type { ProtocolRequests } from "./request-store.ts";
import { describeRequests } from "./tools/list-requests.ts";

export function createRequestsCommand(requests: ProtocolRequests): SlashCommand {
  return {
    name: "requests",
    usage: "/requests",
    summary: "the team's requests: plans and shutdowns awaiting an answer, then recent decisions",
    async run(_args, { write }) {
      write(`${await describeRequests(requests, true)}\n`);
    },
  };
}
