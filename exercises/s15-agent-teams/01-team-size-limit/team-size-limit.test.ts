// Your spawn_teammate in the real s15 session: with maxTeammates 2 a third teammate is refused while two are
// working or idle (the refusal names them), nothing joins the roster for it, and a stopped teammate frees a place.
import { createTeamSetup, requestsOf, type TeamSetup, type TeamSetupOptions, teamScript } from "@lcc/s15";
import { testTeamSetup } from "@lcc/s15/test-agent";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createSpawnTeammateTool } from "./spawn-teammate.ts";

const start = testTeamSetup(useCleanups());

const spawn = (name: string) =>
  toolUse("spawn_teammate", { name, role: "helper", prompt: `${name}: tidy.` }, `spawn_${name}`);

/** The lead's s15 setup with YOUR spawn_teammate (maxTeammates 2) in place of the chapter's. */
async function createLimitedSetup(
  context: Parameters<typeof createTeamSetup>[0],
  options: TeamSetupOptions,
): Promise<TeamSetup> {
  const setup = await createTeamSetup(context, options);
  const mine = createSpawnTeammateTool(setup.team, { maxTeammates: 2 });
  return { ...setup, tools: setup.tools.map((tool) => (tool.name === "spawn_teammate" ? mine : tool)) };
}

/** Every tool_result the lead was sent, by tool_use id. */
function results(requests: readonly RecordedRequest[]) {
  const blocks = requestsOf(requests, "lead").flatMap((request) => {
    const content = request.body.messages.at(-1)?.content;
    return Array.isArray(content) ? content : [];
  });
  return Object.fromEntries(
    blocks.flatMap((block) =>
      block.type === "tool_result"
        ? [[block.tool_use_id, { text: JSON.stringify(block.content), isError: block.is_error === true }]]
        : [],
    ),
  );
}

/** The lead answers what it was just given (teammates' reports may join any of its turns). */
function lead(request: RecordedRequest) {
  const newest = JSON.stringify(request.body.messages.at(-1)?.content ?? "");
  if (newest.includes("three helpers")) return reply(spawn("alice"), spawn("bob"), spawn("carol"));
  if (newest.includes("two helpers")) return reply(spawn("alice"), spawn("bob"));
  if (newest.includes("add carol")) return reply(spawn("carol"));
  return reply(text("Noted."));
}

async function startTeam() {
  return start({
    script: teamScript({ lead }, () => reply(text("Tidied."))),
    createSetup: createLimitedSetup,
  });
}

describe("spawn_teammate with a team size limit", () => {
  it("refuses a third teammate while two are working or idle, naming them", async () => {
    const agent = await startTeam();
    await agent.run("Tidy with three helpers.");
    const answered = results(agent.requests());
    expect(answered.spawn_alice?.isError).toBe(false);
    expect(answered.spawn_bob?.isError).toBe(false);
    expect(answered.spawn_carol?.isError).toBe(true);
    expect(answered.spawn_carol?.text).toMatch(/team is full/);
    expect(answered.spawn_carol?.text).toContain("alice, bob");
    expect((await agent.team().roster.list()).map((member) => member.name)).toEqual(["alice", "bob"]);
    await agent.untilIdle("alice", "bob");
    assertPairingInvariant(agent.requests());
  });

  it("gives a stopped teammate's place to a new one", async () => {
    const agent = await startTeam();
    await agent.run("Tidy with two helpers.");
    await agent.untilIdle("alice", "bob");
    agent.team().get("bob")?.abort("the test stops bob");
    await agent.settle(async () => (await agent.team().roster.get("bob"))?.state === "stopped");
    await agent.run("Now add carol.");
    expect(results(agent.requests()).spawn_carol).toMatchObject({ isError: false });
    await agent.untilIdle("carol");
    expect(requestsOf(agent.requests(), "carol")).toHaveLength(1);
    assertPairingInvariant(agent.requests());
  });
});
