// writeFileAtomic on real temp dirs: long names, errors that name the file, and leftovers of killed writes.
import { spawnSync } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { tempFileName, writeFileAtomic } from "./atomic-write.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  return { dir: workspace.dir };
}

/** The id of a process that has exited (and been reaped), as a killed writer's would be. */
function deadPid(): number {
  const { pid } = spawnSync("true");
  if (!pid) throw new Error("could not start `true`");
  return pid;
}

describe("writeFileAtomic", () => {
  it("writes and overwrites a file whose name is 250 bytes, leaving no temp file", async () => {
    const { dir } = await setup();
    const name = `${"é".repeat(124)}.t`; // 248 + 2 bytes
    expect(Buffer.byteLength(name)).toBe(250);
    await writeFileAtomic(join(dir, name), "first\n");
    await writeFileAtomic(join(dir, name), "second\n");
    expect(await readFile(join(dir, name), "utf8")).toBe("second\n");
    expect(await readdir(dir)).toEqual([name]);
  });

  it("names the file, never the temp file, when the write fails, and removes the temp file", async () => {
    const { dir } = await setup();
    await mkdir(join(dir, "folder/inner"), { recursive: true });
    const error = await writeFileAtomic(join(dir, "folder"), "x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const { message, code, path } = error as NodeJS.ErrnoException;
    expect(message).toMatch(new RegExp(`^EISDIR: .+, writing '${join(dir, "folder")}'$`));
    expect(message).not.toMatch(/lcc-tmp|\.tmp'/);
    expect({ code, path }).toEqual({ code: "EISDIR", path: join(dir, "folder") });
    expect(await readdir(dir)).toEqual(["folder"]);
  });

  it("removes the file's own temp files left by a killed write, and nothing else", async () => {
    const { dir } = await setup();
    const stale = tempFileName("notes.txt", deadPid(), "0badf00d");
    const inFlight = tempFileName("notes.txt", process.pid, "12345678");
    const otherFile = tempFileName("other.txt", deadPid(), "0badf00d");
    const notOurs = [".notes.txt.123.tmp", "notes.txt.tmp", ".notes.txt.swp"];
    for (const name of [stale, inFlight, otherFile, ...notOurs]) await writeFile(join(dir, name), "partial");
    await writeFileAtomic(join(dir, "notes.txt"), "whole\n");
    expect((await readdir(dir)).sort()).toEqual([inFlight, otherFile, ...notOurs, "notes.txt"].sort());
  });

  it("keeps temp names short whatever the file name's length", () => {
    const name = "名".repeat(85); // 255 bytes, the longest name a file can have
    expect(Buffer.byteLength(tempFileName(name, 4_194_304, "ffffffff"))).toBeLessThanOrEqual(150);
    expect(tempFileName("a.txt", 42, "00ff00ff")).toMatch(/^\.a\.txt\.[0-9a-f]{10}-42-00ff00ff\.lcc-tmp$/);
  });
});
