// The demo tour's subagent step (s04): the lead hands a survey of the workspace to an explore subagent,
// which lists the top level in its own fresh context and reports back; only its report reaches the lead.
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { callsOf, resultTexts } from "./demo-results.ts";

/** How s04's explore subagent's system prompt begins: its requests are answered by `subagentReply`. */
const EXPLORE_SYSTEM = "You are an explore subagent";

/** The task the lead gives the subagent. */
export const DEMO_SUBAGENT_TASK = "Survey this workspace";

/** True when an explore subagent sent the request (not the lead, not a teammate). */
export function isSubagentRequest(request: RecordedRequest): boolean {
  const system = request.body.system;
  const prompt = typeof system === "string" ? system : (system ?? []).map((block) => block.text).join("\n");
  return prompt.includes(EXPLORE_SYSTEM);
}

/** The lead's step: delegate the survey (only when this session has the agent tool). */
export function subagentSteps(tools: ReadonlySet<string>, id: () => string): FakeReply[] {
  if (!tools.has("agent")) return [];
  return [
    reply(
      text(
        "A survey goes to an explore subagent (s04): it reads in its own context, and only its report comes back.",
      ),
      toolUse(
        "agent",
        {
          description: DEMO_SUBAGENT_TASK,
          agent_type: "explore",
          prompt: "List the top level of this workspace and report what kinds of files it holds, briefly.",
        },
        id(),
      ),
    ),
  ];
}

/** The subagent's replies: one look at the top level (glob, else a read of the listing), then its report. */
export function subagentReply(request: RecordedRequest, id: () => string): FakeReply {
  const tools = new Set((request.body.tools ?? []).map((tool) => ("name" in tool ? tool.name : "")));
  const answered = (request.body.messages ?? []).some((message) => message.role === "assistant");
  if (!answered) {
    if (tools.has("glob")) return reply(toolUse("glob", { pattern: "*" }, id()));
    return reply(text("I have no file finder here, so I report without a listing."));
  }
  // glob's answer: one path per line, or "No files match …"; a note in brackets or parentheses may follow.
  const files = resultTexts(request)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^[([]/.test(line) && !line.startsWith("No files match"));
  const shown = files.slice(0, 6).join(", ");
  return reply(
    text(
      files.length === 0
        ? "Survey: the top level of this workspace holds no files I can see."
        : `Survey: ${files.length} file${files.length === 1 ? "" : "s"} at the top level (${shown}${files.length > 6 ? ", …" : ""}).`,
    ),
  );
}

/** The summary's line about the subagent (`request`: the one the summary answers). */
export function subagentSummary(request: RecordedRequest): string {
  const call = callsOf(request).findLast((entry) => entry.name === "agent");
  if (!call?.result) return "";
  if (call.result.isError) return `The explore subagent did not run: ${call.result.text.split("\n")[0]}\n`;
  return "An explore subagent surveyed the workspace in its own context; only its report came back to me.\n";
}
