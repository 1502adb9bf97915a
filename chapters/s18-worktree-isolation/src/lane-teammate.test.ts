// A teammate spawned into a lane, through the real session: its loop runs with the lane as its workspace, so
// its writes land in the lane, its file tools refuse the main checkout, its bash runs in the lane, s07 judges
// its paths against the lane, and the roster and /team show where it works. Bad lanes are refused cleanly.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AskUser } from "@lcc/chapter-kit";
import { systemPromptText } from "@lcc/s02";
import { requestsOf } from "@lcc/s15";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { LANE_PLACE_DESCRIPTION } from "./lane-place.ts";
import {
  createSignal,
  createTeamRepository,
  heldUntil,
  TEST_PERMISSIONS,
  type TestWorktreeOptions,
  testWorktreeSetup,
} from "./test-worktree-team.ts";
import { TEAMMATE_LANE_SECTION } from "./worktree-section.ts";

const addCleanup = useCleanups();
const start = testWorktreeSetup(addCleanup);

/** The tool results of a request's newest message, by tool_use id: the text and the error flag. */
function resultsOf(request: RecordedRequest | undefined): Record<string, { text: string; isError: boolean }> {
  const content = request?.body.messages.at(-1)?.content;
  const blocks = Array.isArray(content) ? content : [];
  const results: Record<string, { text: string; isError: boolean }> = {};
  for (const block of blocks)
    if (block.type === "tool_result")
      results[block.tool_use_id] = {
        text: typeof block.content === "string" ? block.content : JSON.stringify(block.content),
        isError: block.is_error === true,
      };
  return results;
}

const toolNames = (request: RecordedRequest | undefined) =>
  (request?.body.tools ?? []).map((tool) => (tool as { name: string }).name);

const spawnInto = (name: string, lane: string, id: string) =>
  toolUse("spawn_teammate", { name, role: "developer", prompt: `Work in lane ${lane}.`, worktree: lane }, id);

/**
 * The lead makes lane a and spawns alice into it; alice's first reply waits until the lead's turn is over, then
 * she answers `then`. Runs that turn and waits until alice is idle; returns the session and the lane.
 */
async function aliceInLaneA(
  dir: string,
  first: FakeReply,
  then: FakeReply,
  options: TestWorktreeOptions["options"] = {},
) {
  const leadDone = createSignal();
  const session = await start({
    workspace: dir,
    options,
    replies: {
      lead: [
        reply(toolUse("worktree_create", { name: "a" }, "c1"), spawnInto("alice", "a", "s1")),
        reply(text("Alice works in lane a.")),
      ],
      alice: [heldUntil(leadDone.promise, first), then],
    },
  });
  await session.run("Give alice lane a.");
  leadDone.open();
  await session.settle(async () => (await session.team().roster.get("alice"))?.state === "idle");
  return { session, lane: session.lanePath("a") };
}

describe("a teammate spawned into a lane", () => {
  it("writes inside the lane, is refused the main checkout, runs bash there, and is shown there", async () => {
    const dir = await createTeamRepository(addCleanup);
    const { session, lane } = await aliceInLaneA(
      dir,
      reply(
        toolUse("write_file", { path: "src/x.txt", content: "from alice\n" }, "w1"),
        toolUse("read_file", { path: "../../../notes.txt" }, "r1"),
        toolUse("read_file", { path: join(dir, "notes.txt") }, "r2"),
        toolUse("write_file", { path: join(dir, "notes.txt"), content: "overwritten\n" }, "w2"),
        toolUse("bash", { command: "pwd" }, "b1"),
      ),
      reply(text("Done: src/x.txt is in my lane.")),
    );

    expect(await readFile(join(lane, "src/x.txt"), "utf8")).toBe("from alice\n");
    expect(existsSync(join(dir, "src/x.txt"))).toBe(false);
    expect(await readFile(join(dir, "notes.txt"), "utf8")).toBe("line one\n");
    const alice = requestsOf(session.requests(), "alice");
    const results = resultsOf(alice[1]);
    expect(results.w1).toMatchObject({ isError: false });
    for (const id of ["r1", "r2", "w2"]) {
      expect(results[id]?.isError).toBe(true);
      expect(results[id]?.text).not.toContain("line one");
    }
    expect(results.b1).toEqual({ text: `${lane}\n[exit code 0]`, isError: false });

    // Its prompt names the lane as its workspace; lanes are the lead's to make and remove.
    expect(systemPromptText(alice[0]?.body.system ?? "")).toContain(`The workspace is ${lane};`);
    expect(systemPromptText(alice[0]?.body.system ?? "")).toContain(TEAMMATE_LANE_SECTION);
    expect(toolNames(alice[0])).toEqual(expect.arrayContaining(["bash", "write_file", "worktree_list"]));
    for (const name of ["worktree_create", "worktree_keep", "worktree_remove", "spawn_teammate"])
      expect(toolNames(alice[0])).not.toContain(name);
    const spawn = requestsOf(session.requests(), "lead")[0]?.body.tools?.find(
      (tool) => (tool as { name: string }).name === "spawn_teammate",
    ) as { input_schema: { properties: Record<string, { description?: string }> } } | undefined;
    expect(spawn?.input_schema.properties.worktree?.description).toBe(LANE_PLACE_DESCRIPTION);

    expect((await session.team().roster.get("alice"))?.workspace).toBe(lane);
    expect(await session.command("/team")).toContain(`alice (developer) · idle · in ${lane}\n`);
  });

  it("runs its hooks in the lane: the command's working directory and the input's cwd, the project dir unchanged", async () => {
    const dir = await createTeamRepository(addCleanup);
    const logs = await mkdtemp(join(tmpdir(), "lcc-lane-hooks-"));
    addCleanup(() => rm(logs, { recursive: true, force: true }));
    const command = `cat > '${logs}/input.json'; pwd > '${logs}/pwd.txt'; printf %s "$CLAUDE_PROJECT_DIR" > '${logs}/project.txt'`;
    const hook = {
      path: "(test)",
      scope: "user" as const,
      json: { hooks: { PostToolUse: [{ matcher: "Write", hooks: [{ type: "command", command }] }] } },
    };
    const { lane } = await aliceInLaneA(
      dir,
      reply(toolUse("write_file", { path: "hooked.txt", content: "x\n" }, "w1")),
      reply(text("Written.")),
      { extraSettings: [hook] },
    );
    expect(existsSync(join(lane, "hooked.txt"))).toBe(true);
    expect((await readFile(join(logs, "pwd.txt"), "utf8")).trim()).toBe(await realpath(lane));
    const input = JSON.parse(await readFile(join(logs, "input.json"), "utf8")) as Record<string, unknown>;
    expect(input).toMatchObject({ hook_event_name: "PostToolUse", tool_name: "Write", cwd: lane });
    expect(await readFile(join(logs, "project.txt"), "utf8")).toBe(dir);
  });

  it("is judged by s07 against the lane: a rule on a main-checkout file holds there, not on the lane's copy", async () => {
    const asked: string[] = [];
    const yesToAll: AskUser = async (request) => {
      asked.push(`${request.question} ${request.detail ?? ""}`);
      return { kind: "choice", key: "y" };
    };
    const leadDone = createSignal();
    const session = await start({
      ask: yesToAll,
      options: { permissions: { ...TEST_PERMISSIONS, disallowedTools: ["Read(/notes.txt)"] } },
      replies: {
        lead: [
          reply(toolUse("worktree_create", { name: "a" }, "c1"), spawnInto("alice", "a", "s1")),
          reply(text("Alice works in lane a.")),
        ],
        alice: [
          heldUntil(
            leadDone.promise,
            reply(
              toolUse("read_file", { path: "../../../notes.txt" }, "main"),
              toolUse("read_file", { path: "notes.txt" }, "own"),
            ),
          ),
          reply(text("Done.")),
        ],
      },
    });
    await session.run("Give alice lane a.");
    leadDone.open();
    await session.settle(async () => (await session.team().roster.get("alice"))?.state === "idle");

    const results = resultsOf(requestsOf(session.requests(), "alice")[1]);
    // The main checkout's notes.txt, reached with ../: the deny rule anchored at the project holds, even
    // though the user would say yes to any question.
    expect(results.main?.isError).toBe(true);
    expect(results.main?.text).toContain("denied by the rule Read(/notes.txt)");
    // The lane's own copy is another file: read without a question.
    expect(results.own).toEqual({ isError: false, text: expect.stringContaining("line one") });
    expect(asked).toEqual([]);
  });

  it("is refused cleanly for a bad, unknown, removed, kept or occupied lane: nobody is spawned", async () => {
    const leadDone = createSignal();
    const session = await start({
      replies: {
        lead: [
          reply(spawnInto("bob", "nope", "u1"), spawnInto("bob", "../a", "u2")),
          reply(
            toolUse("worktree_create", { name: "gone" }, "g1"),
            toolUse("worktree_remove", { name: "gone" }, "g2"),
            spawnInto("bob", "gone", "g3"),
            toolUse("worktree_create", { name: "held" }, "k1"),
            toolUse("worktree_keep", { name: "held" }, "k2"),
            spawnInto("bob", "held", "k3"),
          ),
          reply(
            toolUse("worktree_create", { name: "b" }, "o1"),
            spawnInto("alice", "b", "o2"),
            spawnInto("carol", "b", "o3"),
          ),
          reply(text("Only alice could start.")),
        ],
        alice: [heldUntil(leadDone.promise, reply(text("Ready.")))],
      },
    });
    await session.run("Spawn teammates into lanes.");
    leadDone.open();
    const lead = requestsOf(session.requests(), "lead");

    const unknown = resultsOf(lead[1]);
    expect(unknown.u1?.isError).toBe(true);
    expect(unknown.u1?.text).toContain(
      'No teammate was spawned: there is no lane nope. Make it with worktree_create {"name":"nope"} first; worktree_list shows the lanes.',
    );
    expect(unknown.u2?.isError).toBe(true);
    expect(unknown.u2?.text).toContain('Refused lane name "../a"');
    const removed = resultsOf(lead[2]);
    expect(removed.g3?.isError).toBe(true);
    expect(removed.g3?.text).toContain("No teammate was spawned: lane gone was removed.");
    expect(removed.k3?.isError).toBe(true);
    expect(removed.k3?.text).toContain("No teammate was spawned: lane held is kept for the user to review.");
    const occupied = resultsOf(lead[3]);
    expect(occupied.o2?.isError).toBe(false);
    expect(occupied.o3?.isError).toBe(true);
    expect(occupied.o3?.text).toMatch(
      /No teammate was spawned: lane b is the workspace of alice \((working|idle)\): one teammate per lane\./,
    );
    expect((await session.team().roster.list()).map((member) => member.name)).toEqual(["alice"]);
  });
});
