// Your set_task in the real s15 session, given to every teammate through a TeammateExtension: what alice says she
// works on is in her roster record and in the lead's list_teammates; bob's record is his own; the lead has no set_task.
import { requestsOf, teamScript } from "@lcc/s15";
import { testTeamSetup } from "@lcc/s15/test-agent";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createSetTaskTool } from "./set-task-tool.ts";

const start = testTeamSetup(useCleanups());

const spawn = (name: string, role: string) =>
  toolUse("spawn_teammate", { name, role, prompt: `${name}: start.` });
const toolNames = (request: RecordedRequest | undefined) =>
  (request?.body.tools ?? []).map((tool) => (tool as { name: string }).name);

/** The lead answers what it was just given (teammates' reports may join any of its turns). */
function lead(request: RecordedRequest) {
  const newest = JSON.stringify(request.body.messages.at(-1)?.content ?? "");
  if (newest.includes("Start a tester")) return reply(spawn("alice", "tester"), spawn("bob", "writer"));
  if (newest.includes("Who does what")) return reply(toolUse("list_teammates", {}));
  return reply(text("Noted."));
}

/** A session where alice (tester) called set_task and bob (writer) did not; both are idle. */
async function startTeam() {
  const agent = await start({
    script: teamScript({
      lead,
      alice: [
        reply(toolUse("set_task", { task: "writing the\nparser tests" })),
        reply(text("Tests written.")),
      ],
      bob: [reply(text("Written."))],
    }),
    options: { teammateExtensions: [{ tools: (teammate, team) => [createSetTaskTool(team, teammate)] }] },
  });
  await agent.run("Start a tester and a writer.");
  await agent.untilIdle("alice", "bob");
  return agent;
}

describe("set_task", () => {
  it("records the task, on one line, in the roster record of the teammate that called it", async () => {
    const agent = await startTeam();
    const roster = agent.team().roster;
    expect((await roster.get("alice"))?.task).toBe("writing the parser tests");
    expect((await roster.get("bob"))?.task).toBeUndefined();
    assertPairingInvariant(agent.requests());
  });

  it("shows the task in the lead's list_teammates, and only teammates have the tool", async () => {
    const agent = await startTeam();
    await agent.run("Who does what?");
    const leadRequests = requestsOf(agent.requests(), "lead");
    const listed = leadRequests.find((request) =>
      JSON.stringify(request.body.messages.at(-1)).includes("(tester)"),
    );
    expect(JSON.stringify(listed?.body.messages.at(-1))).toContain(
      "alice (tester) · idle · task writing the parser tests",
    );
    expect(toolNames(requestsOf(agent.requests(), "alice")[0])).toContain("set_task");
    expect(toolNames(leadRequests[0])).not.toContain("set_task");
    assertPairingInvariant(agent.requests());
  });
});
