// `plan_submit {plan}` (a teammate's): sends the plan to the lead and really waits for the review (no
// polling loop: a wake-up or the slow poll reads the record), then returns the decision and the feedback.
import { formatCount } from "@lcc/chapter-kit";
import { defineTool } from "@lcc/s02";
import { LEAD_NAME, type Teammate } from "@lcc/s15";
import { z } from "zod";
import { type Protocol, seconds } from "../protocol.ts";
import { openRequest } from "../protocol-message.ts";
import { waitForDecision } from "../wait-for-decision.ts";

/** Longest plan, in characters. */
export const MAX_PLAN_CHARS = 20_000;

export function createPlanSubmitTool(protocol: Protocol, teammate: Teammate) {
  const { team, requests } = protocol;
  return defineTool({
    name: "plan_submit",
    description:
      "Submit your plan to the lead and wait for the review; this call returns only when the lead approves or " +
      "rejects it (or after " +
      `${seconds(protocol.planTimeoutMs)} without a review). Approved: carry it out. Rejected: the feedback ` +
      "says what to change; revise the plan and submit it again before you start. Number the steps and name the " +
      `files. At most ${formatCount(MAX_PLAN_CHARS)} characters.`,
    input: z.object({
      plan: z.string().trim().min(1).max(MAX_PLAN_CHARS).describe("The plan, step by step"),
    }),
    ownStateOnly: true,
    summarizeInput: (input) => `${((input as { plan?: string }).plan ?? "").split("\n")[0]?.slice(0, 60)}`,
    async run({ plan }, context) {
      const id = await openRequest(team, requests, {
        kind: "plan",
        from: teammate.name,
        to: LEAD_NAME,
        body: plan,
      });
      const decided = await waitForDecision(requests, id, {
        // The lead's answer comes as a response message: once it is in this teammate's queue, the wait
        // ends, and the message rides along with this tool's result instead of costing another model call.
        wake: (look) => teammate.queue.onPush(look),
        clock: protocol.clock,
        pollMs: protocol.pollMs,
        timeoutMs: protocol.planTimeoutMs,
        signal: context.signal,
      });
      const feedback = decided.reason ? `\nFeedback: ${decided.reason}` : "";
      const content =
        decided.state === "approved"
          ? `The lead approved your plan (${id}).${feedback}\nCarry it out.`
          : decided.state === "rejected"
            ? `The lead rejected your plan (${id}).${feedback}\nRevise the plan to address this and submit it again with plan_submit before you start.`
            : `Nobody reviewed your plan within ${seconds(protocol.planTimeoutMs)} (${id} expired). Send the lead a message, or submit it again.`;
      return { content, details: { request: decided } };
    },
  });
}
