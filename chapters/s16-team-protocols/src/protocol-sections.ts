// What the lead and every teammate are told about the protocols: requests carry a request_id, are answered
// once, plans wait for review, and a shutdown is asked for, never skipped.

/** The lead's system-prompt section. */
export const LEAD_PROTOCOL_SECTION = {
  name: "team-protocols",
  text: [
    "# Team protocols",
    "Requests between you and teammates carry a request_id and are answered exactly once.",
    "- A teammate may submit a plan (a plan_request in your inbox) and waits until you answer: review it with",
    "  plan_review {request_id, approve, feedback}. Rejecting, say what to change; a revised plan comes back.",
    "- To stop a teammate, use shutdown_request {teammate, reason}: it approves (finishes its current step and",
    "  stops) or rejects with a reason. Its shutdown_response arrives in your inbox; do not poll.",
    "- list_requests shows what still waits for an answer.",
  ].join("\n"),
};

/** The section added to every teammate's system prompt. */
export const TEAMMATE_PROTOCOL_SECTION = [
  "# Team protocols",
  "- Before a change that touches several files or is hard to undo, submit your plan with plan_submit {plan}.",
  "  It waits for the lead's review. Approved: carry it out. Rejected: revise it using the feedback and submit",
  "  the revised plan before you start.",
  "- A shutdown_request from the lead is answered with shutdown_response {request_id, approve, reason?}.",
  "  Approve unless stopping now would leave broken work; then reject and say what you must finish first.",
  "  After approving, make no further tool calls.",
].join("\n");
