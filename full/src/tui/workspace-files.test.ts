// Listing the workspace for `@` completion: git's view in a work tree, a .gitignore-honouring walk elsewhere,
// folders offered, the cap, the abort, and the short-lived cache.
import { execFile } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { createTempWorkspace } from "@lcc/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspaceFileCache, listWorkspaceFiles } from "./workspace-files.ts";

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
/** Workspaces no test changes, shared by the tests that only read them. */
let sharedGit: string;
let sharedPlain: string;
beforeAll(async () => {
  [sharedGit, sharedPlain] = await Promise.all([setup({ git: true }), setup({ git: false })]);
});

const files = {
  ".gitignore": "dist/\n*.log\n!keep.log\n*.gen.ts\n",
  "a.ts": "a",
  "src/b.ts": "b",
  "src/.gitignore": "secret.txt\n!wanted.gen.ts\n",
  "src/secret.txt": "s",
  "src/wanted.gen.ts": "w",
  "src/other.gen.ts": "o",
  "dist/x.js": "x",
  "debug.log": "d",
  "keep.log": "k",
};

async function setup(options: { git: boolean }): Promise<string> {
  const workspace = await createTempWorkspace({ files, git: options.git });
  cleanups.push(workspace.cleanup);
  return workspace.dir;
}

describe("listWorkspaceFiles", () => {
  it("lists what git lists in a work tree: tracked, untracked, not ignored, with folders", async () => {
    const workspace = await setup({ git: true });
    await writeFile(join(workspace, "untracked.ts"), "u");
    await writeFile(join(workspace, "src", "more.log"), "m");
    // Force-added despite .gitignore: git lists it, a walk would not.
    await run("git", ["add", "-f", "dist/x.js"], { cwd: workspace });
    const listed = await listWorkspaceFiles(workspace);
    expect(listed).toEqual([
      ".gitignore",
      "a.ts",
      "dist/",
      "dist/x.js",
      "keep.log",
      "src/",
      "src/.gitignore",
      "src/b.ts",
      "src/wanted.gen.ts",
      "untracked.ts",
    ]);
  });

  it("lists paths relative to a workspace inside a repository", async () => {
    expect(await listWorkspaceFiles(join(sharedGit, "src"))).toEqual([".gitignore", "b.ts", "wanted.gen.ts"]);
  });

  it("walks a folder that is not a repository, honouring nested .gitignore files", async () => {
    const workspace = await setup({ git: false });
    await mkdir(join(workspace, "node_modules", "pkg"), { recursive: true });
    await writeFile(join(workspace, "node_modules", "pkg", "index.js"), "n");
    await mkdir(join(workspace, ".lcc"));
    await writeFile(join(workspace, ".lcc", "history"), "h");
    await mkdir(join(workspace, ".git"));
    await writeFile(join(workspace, ".git", "HEAD"), "not really");
    await symlink(workspace, join(workspace, "loop"));
    const listed = await listWorkspaceFiles(workspace);
    expect(listed).toEqual([
      ".gitignore",
      "a.ts",
      "keep.log",
      "loop",
      "src/",
      "src/.gitignore",
      "src/b.ts",
      "src/wanted.gen.ts",
    ]);
  });

  it("never blocks on a FIFO named .gitignore and leaves FIFOs out of the list", async () => {
    const workspace = await setup({ git: false });
    await run("mkfifo", [join(workspace, "src", "pipe")]);
    await mkdir(join(workspace, "deep"));
    await run("mkfifo", [join(workspace, "deep", ".gitignore")]);
    await writeFile(join(workspace, "deep", "file.ts"), "f");
    const listed = await Promise.race([
      listWorkspaceFiles(workspace),
      new Promise((resolve) => setTimeout(() => resolve("hung"), 5_000)),
    ]);
    expect(listed).toContain("deep/file.ts");
    expect(listed).not.toContain("src/pipe");
    expect(listed).not.toContain("deep/.gitignore");
  });

  it("stops at the limit", async () => {
    expect(await listWorkspaceFiles(sharedPlain, { limit: 4 })).toHaveLength(4);
    expect(await listWorkspaceFiles(sharedGit, { limit: 4 })).toHaveLength(4);
  });

  it("rejects when the signal aborts", async () => {
    const controller = new AbortController();
    controller.abort(new Error("typed on"));
    await expect(listWorkspaceFiles(sharedPlain, { signal: controller.signal })).rejects.toThrow("typed on");
  });
});

describe("createWorkspaceFileCache", () => {
  it("serves one listing for the TTL, then lists again", async () => {
    const workspace = await setup({ git: false });
    const shortLived = createWorkspaceFileCache(workspace, { ttlMs: 200 });
    expect(await shortLived()).toContain("a.ts");
    await writeFile(join(workspace, "new.ts"), "n");
    expect(await shortLived()).not.toContain("new.ts");
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await shortLived()).toContain("new.ts");
  });

  it("lets a caller abandon its wait without spoiling the listing for the next caller", async () => {
    const list = createWorkspaceFileCache(sharedGit);
    const controller = new AbortController();
    const abandoned = list(controller.signal);
    controller.abort(new Error("next keystroke"));
    await expect(abandoned).rejects.toThrow("next keystroke");
    expect(await list()).toContain("src/b.ts");
  });
});
