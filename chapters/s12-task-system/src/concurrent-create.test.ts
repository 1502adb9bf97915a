// Real processes share one task folder: 8 processes creating 25 tasks each get 200 distinct ids 1..200
// (one lock for all of them, a high-water mark), and every one of the 200 files parses.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnBundledScript } from "@lcc/testkit";
import { makeTempFolder, useCleanups, waitForLine } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { idOfTaskFile, parseTaskFile } from "./task.ts";

const addCleanup = useCleanups();

/** fixtures/<name> bundled once for the file and started as ONE plain node process; killed after the test. */
async function startFixture(name: string, args: string[]) {
  const script = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const child = await spawnBundledScript(script, args, { cwd: fileURLToPath(new URL(".", import.meta.url)) });
  addCleanup(() => child.kill("SIGKILL"));
  return child;
}
const PROCESSES = 8;
const TASKS_EACH = 25;

describe("creating tasks from several processes at once", () => {
  it(`gives ${PROCESSES} processes × ${TASKS_EACH} tasks ${PROCESSES * TASKS_EACH} distinct ids and loses no file`, async () => {
    const workspace = await makeTempFolder(addCleanup, "lcc-s12-concurrent-");
    const children = await Promise.all(
      Array.from({ length: PROCESSES }, (_, number) =>
        startFixture("create-tasks.ts", [workspace, String(number), String(TASKS_EACH)]),
      ),
    );
    await Promise.all(children.map((child) => waitForLine(child, "ready")));
    const done = children.map((child) => waitForLine(child, "done"));
    for (const child of children) child.stdin?.write("go\n");
    await Promise.all(done);

    const folder = join(workspace, ".lcc", "tasks");
    const names = (await readdir(folder)).filter((name) => idOfTaskFile(name) !== undefined);
    const total = PROCESSES * TASKS_EACH;
    expect(names).toHaveLength(total);
    const tasks = await Promise.all(
      names.map(async (name) => {
        const id = idOfTaskFile(name) as number;
        const parsed = parseTaskFile(await readFile(join(folder, name), "utf8"), id);
        if (!parsed.ok) throw new Error(`${name}: ${parsed.problem}`);
        return parsed.task;
      }),
    );
    const ids = tasks.map((task) => task.id).sort((left, right) => left - right);
    expect(ids).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    // Every process's every task is there once.
    const subjects = new Set(tasks.map((task) => task.subject));
    expect(subjects.size).toBe(total);
    for (let number = 0; number < PROCESSES; number++)
      expect(subjects).toContain(`process ${number} task ${TASKS_EACH}`);
    expect((await readFile(join(folder, ".highwater"), "utf8")).trim()).toBe(String(total));
  }, 120_000);
});
