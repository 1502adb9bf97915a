// Claiming from the board: the rules (pending, no owner, no open blocker, the task's roles), and the claim
// under the lock with its re-check — 8 agents in one process, then 4 processes emptying a board of 20.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTaskStore, type Task } from "@lcc/s12";
import { spawnBundledScript } from "@lcc/testkit";
import { makeTempFolder, useCleanups, waitForLine } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { claimableTasks, claimRefusal, claimTask, rolesOfTask } from "./task-claim.ts";

const addCleanup = useCleanups();

/** fixtures/<name> bundled once for the file and started as ONE plain node process; killed after the test. */
async function startFixture(name: string, args: string[]) {
  const script = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const child = await spawnBundledScript(script, args, { cwd: fileURLToPath(new URL(".", import.meta.url)) });
  addCleanup(() => child.kill("SIGKILL"));
  return child;
}

async function makeBoard() {
  const workspace = await makeTempFolder(addCleanup, "lcc-s17-board-");
  return { workspace, store: createTaskStore({ folder: join(workspace, ".lcc", "tasks"), root: workspace }) };
}

const task = (id: number, fields: Partial<Task> = {}): Task => ({
  id,
  subject: `task ${id}`,
  description: "",
  status: "pending",
  owner: null,
  blockedBy: [],
  blocks: [],
  createdAt: "2026-01-05T09:00:00.000Z",
  updatedAt: "2026-01-05T09:00:00.000Z",
  ...fields,
});
const alice = { name: "alice", role: "Tester" };

describe("which tasks a teammate may claim", () => {
  it("takes pending tasks with no owner and no open blocker, in id order", () => {
    const tasks = [
      task(1, { status: "completed", owner: "bob" }),
      task(2, { blockedBy: [1] }),
      task(3, { blockedBy: [4] }),
      task(4, { status: "in_progress", owner: "bob" }),
      task(5, { owner: "bob" }),
      task(6),
    ];
    expect(claimableTasks(tasks, alice).map((entry) => entry.id)).toEqual([2, 6]);
    expect(claimRefusal(tasks[2] as Task, tasks, alice)).toBe("Task #3 waits for #4 to be completed first.");
    expect(claimRefusal(tasks[3] as Task, tasks, alice)).toBe(
      "Task #4 is already taken by bob (in_progress).",
    );
    expect(claimRefusal(tasks[0] as Task, tasks, { name: "bob", role: "dev" })).toBe(
      "Task #1 is completed and already yours: only a pending task can be claimed.",
    );
  });

  it("keeps a task whose subject names roles for those roles (case aside); a task assigned to you comes first", () => {
    expect(rolesOfTask({ subject: "[tester, Reviewer] Cover the parser" })).toEqual(["tester", "reviewer"]);
    expect(rolesOfTask({ subject: "Cover [tester] the parser" })).toBeUndefined();
    const tasks = [
      task(1, { subject: "[tester] Cover the parser" }),
      task(2, { subject: "[docs] Write it up" }),
    ];
    expect(claimableTasks(tasks, alice).map((entry) => entry.id)).toEqual([1]);
    expect(claimRefusal(tasks[1] as Task, tasks, alice)).toBe("Task #2 is for docs; your role is Tester.");
    const assigned = [task(6), task(7, { owner: "alice" })];
    expect(claimableTasks(assigned, alice).map((entry) => entry.id)).toEqual([7, 6]);
  });
});

describe("claiming under the board's lock", () => {
  it("gives a task to exactly one of 8 agents claiming it at once; the others are told who has it", async () => {
    const { store } = await makeBoard();
    await store.create({ subject: "the one task" });
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, index) => claimTask(store, 1, { name: `agent${index}`, role: "dev" })),
    );
    const winners = outcomes.filter((outcome) => outcome.ok);
    expect(winners).toHaveLength(1);
    const owner = (await store.list()).tasks[0]?.owner;
    expect(winners[0]).toMatchObject({ ok: true, task: { id: 1, owner, status: "in_progress" } });
    for (const outcome of outcomes.filter((entry) => !entry.ok))
      expect(outcome).toEqual({ ok: false, reason: `Task #1 is already taken by ${owner} (in_progress).` });
  });

  it("refuses a blocked task inside the lock, and a missing one with the store's own error", async () => {
    const { store } = await makeBoard();
    await store.create({ subject: "first" });
    await store.create({ subject: "second", blockedBy: [1] });
    expect(await claimTask(store, 2, alice)).toEqual({
      ok: false,
      reason: "Task #2 waits for #1 to be completed first.",
    });
    await expect(claimTask(store, 9, alice)).rejects.toThrow("There is no task #9");
    expect((await store.list()).tasks.map((entry) => entry.owner)).toEqual([null, null]);
  });

  it("lets 4 processes empty a board of 20 tasks with every task claimed exactly once", async () => {
    const { workspace, store } = await makeBoard();
    for (let number = 1; number <= 20; number++) await store.create({ subject: `task ${number}` });
    const children = await Promise.all(
      ["p1", "p2", "p3", "p4"].map((name) => startFixture("claim-tasks.ts", [workspace, name])),
    );
    const outputs = children.map(() => "");
    children.forEach((child, index) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        outputs[index] += chunk.toString();
      });
    });
    await Promise.all(children.map((child) => waitForLine(child, "ready")));
    const done = children.map((child) => waitForLine(child, "done"));
    for (const child of children) child.stdin?.write("go\n");
    await Promise.all(done);

    const claimed = outputs.flatMap((output, index) =>
      [...output.matchAll(/^claimed (\d+)$/gm)].map((match) => ({
        id: Number(match[1]),
        by: `p${index + 1}`,
      })),
    );
    expect(claimed.map((entry) => entry.id).sort((left, right) => left - right)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    const { tasks } = await store.list();
    for (const entry of claimed) expect(tasks.find((stored) => stored.id === entry.id)?.owner).toBe(entry.by);
  }, 60_000);
});
