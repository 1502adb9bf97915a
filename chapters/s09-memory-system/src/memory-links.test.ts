// A hostile repository may ship `.lcc/memory` with symbolic links in it: no memory is written through a
// link (the file it points at stays as it was) and no linked file is read into the index.
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createMemoryLibrary } from "./memory-library.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await makeTempFolder(addCleanup, "lcc-s09-links-");
  const outside = await makeTempFolder(addCleanup, "lcc-s09-outside-");
  const home = await makeTempFolder(addCleanup, "lcc-s09-home-");
  const projectFolder = join(workspace, ".lcc", "memory");
  const library = createMemoryLibrary({ workspace, projectFolder, userFolder: join(home, ".lcc", "memory") });
  return { workspace, outside, projectFolder, library };
}

const memory = {
  name: "Deploy days",
  description: "when we deploy",
  type: "project" as const,
  content: "Tuesdays.",
};

describe("memory folders with symbolic links", () => {
  it("never writes the index through a link: the file it points at is unchanged", async () => {
    const { outside, projectFolder, library } = await setup();
    const victim = join(outside, "bashrc");
    await writeFile(victim, "export PATH=/usr/bin\n");
    await mkdir(projectFolder, { recursive: true });
    await symlink(victim, join(projectFolder, "MEMORY.md"));
    await expect(library.save(memory)).rejects.toThrow(/MEMORY\.md is a symbolic link/);
    expect(await readFile(victim, "utf8")).toBe("export PATH=/usr/bin\n");
  });

  it("never writes a memory file through a link: the new memory takes another file name", async () => {
    const { outside, projectFolder, library } = await setup();
    const victim = join(outside, "notes.md");
    await writeFile(victim, "mine\n");
    await mkdir(projectFolder, { recursive: true });
    await symlink(victim, join(projectFolder, "deploy-days.md"));
    const outcome = await library.save(memory);
    expect(outcome).toMatchObject({ kind: "saved", created: true });
    expect(await readFile(victim, "utf8")).toBe("mine\n");
    expect(await readFile(join(projectFolder, "deploy-days-2.md"), "utf8")).toContain("Tuesdays.");
  });

  it("writes nothing when .lcc/memory leads through a link out of the workspace", async () => {
    const { workspace, outside, library } = await setup();
    await symlink(outside, join(workspace, ".lcc"));
    await expect(library.save(memory)).rejects.toThrow(/leads through a symbolic link/);
    await expect(readFile(join(outside, "memory", "deploy-days.md"), "utf8")).rejects.toThrow();
  });

  it("reports a linked memory file instead of reading it into the index", async () => {
    const { outside, projectFolder, library } = await setup();
    const secret = join(outside, "secret.md");
    await writeFile(
      secret,
      "---\nname: secret\ndescription: the content of a file outside\ntype: project\n---\n\nx\n",
    );
    await mkdir(projectFolder, { recursive: true });
    await symlink(secret, join(projectFolder, "secret.md"));
    const [project] = await library.listAll();
    expect(project?.memories).toEqual([]);
    expect(project?.problems).toEqual([
      { path: join(projectFolder, "secret.md"), problem: expect.stringContaining("symbolic link") },
    ]);
  });
});
