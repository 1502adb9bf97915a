// Four real processes save memories at the same moment (some names slug alike): every memory gets its
// own file, nothing is overwritten, and each index lists every memory of its place.
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleScript } from "@lcc/testkit";
import { makeTempFolder, useCleanups, waitForLine } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { parseMemoryFile } from "./memory-file.ts";

const addCleanup = useCleanups();
const script = fileURLToPath(new URL("./fixtures/save-memories.ts", import.meta.url));

async function memoryFiles(folder: string) {
  const files = (await readdir(folder)).filter((file) => file.endsWith(".md") && file !== "MEMORY.md");
  return Promise.all(
    files.map(async (file) => {
      const parsed = parseMemoryFile(await readFile(join(folder, file), "utf8"));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.problem}`);
      return parsed.memory;
    }),
  );
}

describe("saving from several processes at once", () => {
  it("loses no memory and no index line", async () => {
    const workspace = await makeTempFolder(addCleanup, "lcc-s09-concurrent-");
    const home = await makeTempFolder(addCleanup, "lcc-s09-home-");
    const bundle = await bundleScript(script);
    const children = [0, 1, 2, 3].map((number) =>
      spawn(process.execPath, [bundle, workspace, home, String(number)], {
        stdio: ["pipe", "pipe", "pipe"],
      }),
    );
    addCleanup(() => {
      for (const child of children) child.kill();
    });
    await Promise.all(children.map((child) => waitForLine(child, "ready")));
    const done = children.map((child) => waitForLine(child, "done"));
    for (const child of children) child.stdin?.write("go\n");
    await Promise.all(done);

    const project = await memoryFiles(join(workspace, ".lcc", "memory"));
    expect(project).toHaveLength(16);
    for (const memory of project) expect(memory.content).toBe(`content of ${memory.name}`);
    expect(project.map((memory) => memory.name)).toEqual(
      expect.arrayContaining(["API keys", "api-keys", "Api Keys!", "API_KEYS"]),
    );
    const projectIndex = await readFile(join(workspace, ".lcc", "memory", "MEMORY.md"), "utf8");
    expect(projectIndex.trimEnd().split("\n")).toHaveLength(16);
    const user = await memoryFiles(join(home, ".lcc", "memory"));
    expect(user).toHaveLength(4);
    const userIndex = await readFile(join(home, ".lcc", "memory", "MEMORY.md"), "utf8");
    expect(userIndex.trimEnd().split("\n")).toHaveLength(4);
  }, 60_000);
});
