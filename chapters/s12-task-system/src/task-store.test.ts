// The task store on real temp folders: ids, mirrored links, refused cycles, unblocking, deletion without
// id reuse, and files it cannot read reported and left byte-identical.
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { makeStore } from "./test-agent.ts";

const addCleanup = useCleanups();
const fixedNow = () => new Date("2026-03-01T10:00:00.000Z");

async function readJson(folder: string, name: string): Promise<unknown> {
  return JSON.parse(await readFile(join(folder, name), "utf8"));
}

describe("the task store", () => {
  it("gives out ids 1, 2, 3 and writes exactly the task fields", async () => {
    const { store, folder } = await makeStore(addCleanup, fixedNow);
    const ids = [];
    for (const subject of ["one", "two", "three"]) ids.push((await store.create({ subject })).task.id);
    expect(ids).toEqual([1, 2, 3]);
    expect(await readJson(folder, "2.json")).toEqual({
      id: 2,
      subject: "two",
      description: "",
      status: "pending",
      owner: null,
      blockedBy: [],
      blocks: [],
      createdAt: "2026-03-01T10:00:00.000Z",
      updatedAt: "2026-03-01T10:00:00.000Z",
    });
    expect((await store.list()).tasks.map((task) => task.id)).toEqual([1, 2, 3]);
  });

  it("lists in numeric order, not name order", async () => {
    const { store } = await makeStore(addCleanup);
    for (let count = 0; count < 11; count++) await store.create({ subject: `task ${count + 1}` });
    expect((await store.list()).tasks.map((task) => task.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("records a link on both tasks, from either side", async () => {
    const { store, folder } = await makeStore(addCleanup);
    await store.create({ subject: "schema" });
    await store.create({ subject: "handlers", blockedBy: [1] });
    await store.create({ subject: "tests" });
    await store.update(3, { addBlockedBy: [2] });
    await store.update(1, { addBlocks: [3] });
    expect(await readJson(folder, "1.json")).toMatchObject({ blockedBy: [], blocks: [2, 3] });
    expect(await readJson(folder, "2.json")).toMatchObject({ blockedBy: [1], blocks: [3] });
    expect(await readJson(folder, "3.json")).toMatchObject({ blockedBy: [1, 2], blocks: [] });
  });

  it("reads a link written on one side only (a change cut short) on both sides", async () => {
    const { store, folder } = await makeStore(addCleanup);
    await store.create({ subject: "a" });
    await store.create({ subject: "b" });
    const half = { ...((await readJson(folder, "2.json")) as object), blockedBy: [1] };
    await writeFile(join(folder, "2.json"), JSON.stringify(half));
    const { tasks } = await store.list();
    expect(tasks[0]).toMatchObject({ id: 1, blocks: [2] });
    expect(tasks[1]).toMatchObject({ id: 2, blockedBy: [1] });
  });

  it("refuses a task blocking itself, a direct and an indirect cycle, naming the cycle and changing nothing", async () => {
    const { store, folder } = await makeStore(addCleanup);
    await store.create({ subject: "a" });
    await store.create({ subject: "b", blockedBy: [1] });
    await store.create({ subject: "c", blockedBy: [2] });
    const before = await Promise.all(
      ["1.json", "2.json", "3.json"].map((name) => readFile(join(folder, name))),
    );
    await expect(store.update(2, { addBlockedBy: [2] })).rejects.toThrow("(#2 blocks #2)");
    await expect(store.update(1, { addBlockedBy: [2] })).rejects.toThrow("(#2 blocks #1 blocks #2)");
    await expect(store.update(3, { addBlocks: [1] })).rejects.toThrow("(#3 blocks #1 blocks #2 blocks #3)");
    await expect(store.create({ subject: "d", blockedBy: [3], blocks: [1] })).rejects.toThrow("cycle");
    const after = await Promise.all(
      ["1.json", "2.json", "3.json"].map((name) => readFile(join(folder, name))),
    );
    expect(after).toEqual(before);
    expect(await readdir(folder)).not.toContain("4.json");
  });

  it("refuses links to ids that do not exist", async () => {
    const { store } = await makeStore(addCleanup);
    await store.create({ subject: "a" });
    await expect(store.update(1, { addBlockedBy: [7] })).rejects.toThrow("No task #7");
    await expect(store.create({ subject: "b", blocks: [9] })).rejects.toThrow("No task #9");
    await expect(store.update(5, { status: "completed" })).rejects.toThrow("There is no task #5");
  });

  it("completing a blocker names the tasks that became ready, and only those", async () => {
    const { store } = await makeStore(addCleanup);
    await store.create({ subject: "schema" });
    await store.create({ subject: "api" });
    await store.create({ subject: "handlers", blockedBy: [1] });
    await store.create({ subject: "tests", blockedBy: [1, 2] });
    const first = await store.update(1, { status: "completed" });
    expect(first.ready.map((task) => task.id)).toEqual([3]);
    const second = await store.update(2, { status: "completed" });
    expect(second.ready.map((task) => task.id)).toEqual([4]);
  });

  it("deletes a task's file and its links, and never gives its id out again", async () => {
    const { store, folder } = await makeStore(addCleanup);
    await store.create({ subject: "a" });
    await store.create({ subject: "b", blockedBy: [1] });
    await store.create({ subject: "c", blockedBy: [2] });
    const outcome = await store.update(2, { status: "deleted" });
    expect(outcome.deleted).toBe(true);
    expect(outcome.ready.map((task) => task.id)).toEqual([3]);
    expect(await readdir(folder)).not.toContain("2.json");
    expect(await readJson(folder, "1.json")).toMatchObject({ blocks: [] });
    expect(await readJson(folder, "3.json")).toMatchObject({ blockedBy: [] });
    await store.update(3, { status: "deleted" });
    expect((await store.create({ subject: "d" })).task.id).toBe(4);
    await expect(store.update(3, { status: "completed" })).rejects.toThrow("Task #3 was deleted");
  });

  it("reports a corrupt task file with its path, skips it, never writes it, and refuses what would", async () => {
    const { store, folder } = await makeStore(addCleanup);
    await store.create({ subject: "a" });
    await store.create({ subject: "b" });
    await writeFile(join(folder, "2.json"), '{ "id": 2, "subject": ');
    await writeFile(join(folder, "3.json"), '{ "id": 3, "subject": "wrong shape" }');
    const corrupt = await Promise.all(["2.json", "3.json"].map((name) => readFile(join(folder, name))));
    const listed = await store.list();
    expect(listed.tasks.map((task) => task.id)).toEqual([1]);
    expect(listed.problems).toEqual([
      expect.stringMatching(/^\.lcc\/tasks\/2\.json: not JSON \(.*\); skipped, left as it is$/),
      expect.stringMatching(
        /^\.lcc\/tasks\/3\.json: not a task \(description: .*; 5 more\); skipped, left as it is$/,
      ),
    ]);
    await expect(store.update(2, { status: "completed" })).rejects.toThrow(
      ".lcc/tasks/2.json is not a valid task file",
    );
    await expect(store.update(3, { status: "deleted" })).rejects.toThrow(
      ".lcc/tasks/3.json is not a valid task file",
    );
    await expect(store.update(1, { addBlocks: [2] })).rejects.toThrow(
      ".lcc/tasks/2.json would have to be written",
    );
    // A new task takes the next number after the corrupt files' names.
    expect((await store.create({ subject: "c" })).task.id).toBe(4);
    const after = await Promise.all(["2.json", "3.json"].map((name) => readFile(join(folder, name))));
    expect(after).toEqual(corrupt);
  });

  it("refuses to create a task when the high-water mark is not a number, naming the file", async () => {
    const { store, folder } = await makeStore(addCleanup);
    await store.create({ subject: "a" });
    await writeFile(join(folder, ".highwater"), "banana\n");
    await expect(store.create({ subject: "b" })).rejects.toThrow(
      /\.highwater should hold the highest task id/,
    );
    expect(await readFile(join(folder, ".highwater"), "utf8")).toBe("banana\n");
  });

  it("writes nothing through a state folder that is a symbolic link, and reads nothing through it", async () => {
    const { store, workspace } = await makeStore(addCleanup);
    const elsewhere = await makeTempFolder(addCleanup, "lcc-s12-elsewhere-");
    await mkdir(join(elsewhere, "tasks"));
    await writeFile(join(elsewhere, "tasks", "1.json"), "{}");
    await symlink(elsewhere, join(workspace, ".lcc"));
    await expect(store.create({ subject: "a" })).rejects.toThrow(".lcc is a symbolic link");
    expect(await readdir(join(elsewhere, "tasks"))).toEqual(["1.json"]);
    const listed = await store.list();
    expect(listed.tasks).toEqual([]);
    expect(listed.problems).toEqual([
      `${join(workspace, ".lcc")} is a symbolic link; no task is read or written through it`,
    ]);
  });

  it("skips a FIFO where a task file should be without blocking on it", async () => {
    const { store, folder } = await makeStore(addCleanup);
    await store.create({ subject: "a" });
    execFileSync("mkfifo", [join(folder, "2.json")]);
    const listed = await store.list();
    expect(listed.tasks.map((task) => task.id)).toEqual([1]);
    expect(listed.problems).toEqual([".lcc/tasks/2.json: not a regular file (fifo); skipped, left as it is"]);
    expect((await store.create({ subject: "b" })).task.id).toBe(3);
  });

  it("never writes through a task file that is a symbolic link", async () => {
    const { store, folder } = await makeStore(addCleanup);
    await store.create({ subject: "a" });
    const outside = join(await makeTempFolder(addCleanup), "target.json");
    await writeFile(outside, "keep me");
    await writeFile(join(folder, ".highwater"), "1\n");
    await symlink(outside, join(folder, "2.json"));
    expect((await store.list()).problems).toEqual([
      ".lcc/tasks/2.json: a symbolic link, not read (a task is a file of its own); skipped, left as it is",
    ]);
    await expect(store.update(2, { status: "completed" })).rejects.toThrow("not a valid task file");
    expect(await readFile(outside, "utf8")).toBe("keep me");
  });
});
