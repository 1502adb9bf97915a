// The memory folders' PreToolUse verdicts: memory tools allowed, read_file allowed only for real paths
// inside a memory folder outside the workspace, `..` and symlinks out of the folder given no allow.
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { askWithoutTerminal } from "@lcc/chapter-kit";
import type { HookContext } from "@lcc/s02";
import { makeTempFolder, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createMemoryAccess } from "./memory-access.ts";

const addCleanup = useCleanups();

async function setup() {
  const workspace = await makeTempFolder(addCleanup, "lcc-s09-access-");
  const home = await makeTempFolder(addCleanup, "lcc-s09-home-");
  const folder = join(home, ".lcc", "memory");
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "uses-pnpm.md"), "---\nname: x\n---\n");
  await writeFile(join(home, "secret.txt"), "not a memory");
  await symlink(join(home, "secret.txt"), join(folder, "link.md"));
  const access = createMemoryAccess(workspace, [folder]);
  const context = {
    state: { messages: [] },
    workspace,
    signal: new AbortController().signal,
    turn: 1,
    emit: () => {},
    ask: askWithoutTerminal,
  } satisfies HookContext;
  const decide = (name: string, input: unknown) => access.preToolUse?.({ id: "t", name, input }, context);
  return { workspace, folder, decide };
}

describe("memory access", () => {
  it("allows the memory tools", async () => {
    const { decide } = await setup();
    expect(await decide("memory_save", {})).toMatchObject({ kind: "allow", source: "memory" });
    expect(await decide("memory_forget", {})).toMatchObject({ kind: "allow", source: "memory" });
  });

  it("allows read_file of a memory file outside the workspace, with the folder as its root", async () => {
    const { folder, decide } = await setup();
    expect(await decide("read_file", { path: join(folder, "uses-pnpm.md") })).toMatchObject({
      kind: "allow",
      roots: [folder],
    });
  });

  it("has no opinion on a path that leaves the folder by .. or by a symlink", async () => {
    const { folder, decide } = await setup();
    expect(await decide("read_file", { path: join(folder, "..", "..", "secret.txt") })).toBeUndefined();
    expect(await decide("read_file", { path: join(folder, "link.md") })).toBeUndefined();
  });

  it("has no opinion on other tools and on paths inside the workspace", async () => {
    const { decide } = await setup();
    expect(await decide("bash", { command: "ls" })).toBeUndefined();
    expect(await decide("read_file", { path: "notes.md" })).toBeUndefined();
  });
});
