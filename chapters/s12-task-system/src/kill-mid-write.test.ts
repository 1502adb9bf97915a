// A process killed with SIGKILL in the middle of rewriting tasks leaves every task file whole (its old or
// its new content), no leftover temp file is taken for a task, and its stale lock is taken over at once.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { spawnBundledScript } from "@lcc/testkit";
import { makeTempFolder, useCleanups, waitForLine } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { parseTaskFile } from "./task.ts";
import { createTaskStore } from "./task-store.ts";

const addCleanup = useCleanups();

/** fixtures/<name> bundled once for the file and started as ONE plain node process; killed after the test. */
async function startFixture(name: string, args: string[]) {
  const script = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const child = await spawnBundledScript(script, args, { cwd: fileURLToPath(new URL(".", import.meta.url)) });
  addCleanup(() => child.kill("SIGKILL"));
  return child;
}

describe("a writer killed with SIGKILL", () => {
  it("leaves the old or the new file, never a torn one, and the next change goes through", async () => {
    const workspace = await makeTempFolder(addCleanup, "lcc-s12-kill-");
    const folder = join(workspace, ".lcc", "tasks");
    const store = createTaskStore({ folder, root: workspace, lockWaitMs: 5_000 });
    await store.create({ subject: "rewritten in a loop" });
    await store.create({ subject: "its dependent", blockedBy: [1] });
    for (let attempt = 0; attempt < 3; attempt++) {
      const child = await startFixture("update-loop.ts", [workspace]);
      await waitForLine(child, "looping");
      // A reader while the writer runs never sees half a file either.
      for (let read = 0; read < 100; read++) {
        const text = await readFile(join(folder, "1.json"), "utf8");
        expect(parseTaskFile(text, 1).ok, `read ${read} while writing: ${text.slice(0, 60)}`).toBe(true);
      }
      await delay(attempt * 7);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      // The writer itself is gone (one process: no wrapper left a grandchild running).
      expect(() => process.kill(child.pid as number, 0)).toThrow(/ESRCH/);

      const names = await readdir(folder);
      for (const id of [1, 2]) {
        const parsed = parseTaskFile(await readFile(join(folder, `${id}.json`), "utf8"), id);
        expect(parsed.ok, `${id}.json after kill ${attempt + 1}`).toBe(true);
      }
      const listed = await store.list();
      expect(listed.problems).toEqual([]);
      expect(listed.tasks.map((task) => task.id)).toEqual([1, 2]);
      expect(listed.tasks[1]?.blockedBy).toEqual([1]);
      // Whatever the kill left (a temp file, a lock) is not a task, and the killed holder's lock is stale.
      expect(names.filter((name) => name.endsWith(".json"))).toEqual(
        expect.arrayContaining(["1.json", "2.json"]),
      );
      const outcome = await store.update(1, { status: "completed" });
      expect(outcome.ready.map((task) => task.id)).toEqual([2]);
      await store.update(1, { status: "pending" });
    }
  }, 120_000);
});
