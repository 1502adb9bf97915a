// The chapter's promises through the real session on a real repository: two teammates in two lanes edit the
// same file at once and commit without a conflict; worktree_remove keeps a lane a teammate works in and one
// with uncommitted work; a new session on the same workspace rebuilds the lanes from git and state.json.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { requestsOf } from "@lcc/s15";
import { type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createSignal, createTeamRepository, heldUntil, testWorktreeSetup } from "./test-worktree-team.ts";

const addCleanup = useCleanups();
const start = testWorktreeSetup(addCleanup);

/** The text of the tool result `id` in a request's newest message, with its error flag. */
function resultOf(request: RecordedRequest | undefined, id: string) {
  const content = request?.body.messages.at(-1)?.content;
  const block = (Array.isArray(content) ? content : []).find(
    (candidate) => candidate.type === "tool_result" && candidate.tool_use_id === id,
  );
  if (block?.type !== "tool_result") return undefined;
  const body = typeof block.content === "string" ? block.content : JSON.stringify(block.content);
  return { text: body, isError: block.is_error === true };
}

const spawnInto = (name: string, lane: string, id: string) =>
  toolUse(
    "spawn_teammate",
    { name, role: "developer", prompt: `Edit notes.txt in lane ${lane}.`, worktree: lane },
    id,
  );

/** A teammate's edit of notes.txt, committed in its lane. */
const editAndCommit = (name: string) =>
  reply(
    toolUse("write_file", { path: "notes.txt", content: `from ${name}\n` }, `${name}-w`),
    toolUse("bash", { command: `git commit -qam "${name} edit" && git log -1 --format=%s` }, `${name}-c`),
  );

describe("teammates in lanes", () => {
  it("edit the same file at the same time and commit; each branch holds its own version, main is untouched", async () => {
    const leadDone = createSignal();
    const session = await start({
      replies: {
        lead: [
          reply(
            toolUse("worktree_create", { name: "left" }, "c1"),
            toolUse("worktree_create", { name: "right" }, "c2"),
            spawnInto("alice", "left", "s1"),
            spawnInto("bob", "right", "s2"),
          ),
          reply(text("Alice and Bob work in their lanes.")),
        ],
        alice: [heldUntil(leadDone.promise, editAndCommit("alice")), reply(text("Committed."))],
        bob: [heldUntil(leadDone.promise, editAndCommit("bob")), reply(text("Committed."))],
      },
    });
    await session.run("Have alice and bob each rewrite notes.txt in a lane.");
    leadDone.open();
    const idle = async (name: string) => (await session.team().roster.get(name))?.state === "idle";
    await session.settle(async () => (await idle("alice")) && (await idle("bob")));

    for (const name of ["alice", "bob"])
      expect(resultOf(requestsOf(session.requests(), name)[1], `${name}-c`)).toEqual({
        text: `${name} edit\n[exit code 0]`,
        isError: false,
      });
    expect(await session.git(["show", "wt/left:notes.txt"])).toBe("from alice\n");
    expect(await session.git(["show", "wt/right:notes.txt"])).toBe("from bob\n");
    expect(await readFile(join(session.workspace, "notes.txt"), "utf8")).toBe("line one\n");
    expect(await session.git(["status", "--porcelain"])).toBe("");
    expect(await session.git(["log", "--format=%s", "main"])).toBe("initial commit\n");
    const lanes = await session.command("/worktrees");
    expect(lanes).toContain("left · active · wt/left · no task · clean · 1 ahead, 0 behind main");
    expect(lanes).toContain("right · active · wt/right · no task · clean · 1 ahead, 0 behind main");
  });

  it("keep their lane while they work in it, and worktree_remove refuses a dirty one after they stop", async () => {
    const leadDone = createSignal();
    const session = await start({
      replies: {
        lead: [
          reply(toolUse("worktree_create", { name: "a", task_id: 1 }, "c1"), spawnInto("alice", "a", "s1")),
          reply(text("Alice works in lane a.")),
          reply(toolUse("worktree_remove", { name: "a", complete_task: true }, "r1")),
          reply(toolUse("shutdown_request", { teammate: "alice" }, "q1")),
          reply(text("Asked alice to stop.")),
          reply(toolUse("worktree_remove", { name: "a", complete_task: true }, "r2")),
          reply(text("Lane a holds uncommitted work; I left it.")),
        ],
        alice: [
          heldUntil(
            leadDone.promise,
            reply(toolUse("write_file", { path: "notes.txt", content: "draft\n" })),
          ),
          reply(text("Draft written, not committed.")),
        ],
      },
    });
    await session.board().create({ subject: "rewrite the notes" });
    await session.run("Give alice lane a for task #1.");
    leadDone.open();
    await session.settle(async () => (await session.team().roster.get("alice"))?.state === "idle");

    await session.run("Remove lane a.");
    let lead = requestsOf(session.requests(), "lead");
    expect(resultOf(lead[3], "r1")).toEqual({
      text: expect.stringMatching(
        /^Lane a is the workspace of alice \(idle\); removing it would pull the folder/,
      ),
      isError: true,
    });
    await session.settle(async () => (await session.team().roster.get("alice"))?.state === "stopped");

    await session.run("Alice has stopped: remove lane a now.");
    lead = requestsOf(session.requests(), "lead");
    const refused = resultOf(lead.at(-1), "r2");
    expect(refused?.isError).toBe(true);
    expect(refused?.text).toContain("notes.txt");
    expect(await readFile(join(session.lanePath("a"), "notes.txt"), "utf8")).toBe("draft\n");
    const { lanes } = await session.lanes().list();
    expect(lanes).toMatchObject([{ name: "a", state: "active", dirty: true, task: 1 }]);
    expect((await session.board().list()).tasks[0]).toMatchObject({ status: "in_progress", owner: "a" });
  });

  it("are rebuilt for a new session on the same workspace: its lanes listed, a lost one removed, a teammate placed", async () => {
    const dir = await createTeamRepository(addCleanup);
    const first = await start({
      workspace: dir,
      replies: {
        lead: [
          reply(
            toolUse("worktree_create", { name: "a", task_id: 1 }, "c1"),
            toolUse("worktree_create", { name: "b" }, "c2"),
            toolUse("worktree_keep", { name: "b" }, "c3"),
            toolUse("worktree_create", { name: "c" }, "c4"),
          ),
          reply(text("Three lanes.")),
        ],
      },
    });
    await first.board().create({ subject: "rewrite the notes" });
    await first.run("Make lanes a (task #1), b (kept) and c.");
    await first.close();
    // Behind any manager's back: lane c's worktree is removed with git itself.
    await first.git(["worktree", "remove", first.lanePath("c")]);

    const leadDone = createSignal();
    const second = await start({
      workspace: dir,
      replies: {
        lead: [
          reply(toolUse("worktree_list", {}, "l1"), spawnInto("alice", "a", "s1")),
          reply(text("Lane a is alice's now.")),
        ],
        alice: [
          heldUntil(leadDone.promise, reply(toolUse("bash", { command: "pwd" }, "p1"))),
          reply(text("Here.")),
        ],
      },
    });
    await second.run("What lanes are there?");
    leadDone.open();
    await second.settle(async () => (await second.team().roster.get("alice"))?.state === "idle");

    const listed = resultOf(requestsOf(second.requests(), "lead")[1], "l1")?.text ?? "";
    expect(listed.split("\n")).toEqual([
      "a · active · wt/a · task #1 · clean · 0 ahead, 0 behind main · .lcc/worktrees/a",
      "b · kept · wt/b · no task · clean · 0 ahead, 0 behind main · .lcc/worktrees/b",
      "c · removed · wt/c · no task",
    ]);
    expect(resultOf(requestsOf(second.requests(), "alice")[1], "p1")?.text).toBe(
      `${second.lanePath("a")}\n[exit code 0]`,
    );
    expect((await second.lanes().events()).map((event) => `${event.type} ${event.name}`)).toEqual([
      "create a",
      "create b",
      "keep b",
      "create c",
      "lost c",
    ]);
    expect((await second.board().list()).tasks[0]).toMatchObject({ status: "in_progress", owner: "a" });
  });
});
