// The state folder: `.lcc` or LCC_HOME, created on demand and listed once in the repository's info/exclude.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { ensureLccHome, lccHome } from "./lcc-home.ts";

const addCleanup = useCleanups();

async function workspace(git: boolean) {
  const created = await createTempWorkspace({ files: { "a.txt": "a\n" }, git });
  addCleanup(created.cleanup);
  return created.dir;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The usual umask for these tests, so a folder created without a mode would come out 0755. */
function useUsualUmask(): void {
  const previous = process.umask(0o022);
  addCleanup(() => process.umask(previous));
}

const exclude = (root: string) => readFileSync(join(root, ".git", "info", "exclude"), "utf8");

describe("s04 lcc home", () => {
  it("is <workspace>/.lcc unless LCC_HOME says otherwise (relative to the workspace)", () => {
    expect(lccHome("/work/project", {})).toBe("/work/project/.lcc");
    expect(lccHome("/work/project", { LCC_HOME: "state" })).toBe("/work/project/state");
    expect(lccHome("/work/project", { LCC_HOME: "/var/lcc" })).toBe("/var/lcc");
  });

  it("creates the folder and adds .lcc/ to .git/info/exclude exactly once", async () => {
    const root = await workspace(true);
    await ensureLccHome(root, {});
    await ensureLccHome(root, {});
    expect(existsSync(join(root, ".lcc"))).toBe(true);
    expect(
      exclude(root)
        .split("\n")
        .filter((line) => line === ".lcc/"),
    ).toHaveLength(1);
    execFileSync("git", ["check-ignore", "-q", ".lcc/x"], { cwd: root });
  });

  it("finds a .git folder without git, and asks git (once per workspace and folder) only for a worktree", async () => {
    const root = await workspace(true);
    const shims = await workspace(false);
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    const log = join(shims, "git-calls.log");
    writeFileSync(log, "");
    writeFileSync(join(shims, "git"), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(shims, "git"), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${shims}:${path}`;
    addCleanup(() => {
      process.env.PATH = path;
    });
    const calls = () => readFileSync(log, "utf8").split("\n").filter(Boolean).length;
    await ensureLccHome(root, {});
    await ensureLccHome(join(root, "a.txt", ".."), { LCC_HOME: "state" });
    expect(calls()).toBe(0);
    expect(exclude(root)).toMatch(/^\.lcc\/$/m);
    expect(exclude(root)).toMatch(/^state\/$/m);

    // A worktree's .git is a file: git says where its exclude file is (the main repository's).
    const tree = join(shims, "tree");
    execFileSync(realGit, ["worktree", "add", "-q", "-b", "side", tree], { cwd: root });
    const before = calls();
    await Promise.all([ensureLccHome(tree, {}), ensureLccHome(tree, {})]);
    await ensureLccHome(tree, {});
    expect(calls() - before).toBe(1);
    execFileSync(realGit, ["check-ignore", "-q", ".lcc/x"], { cwd: tree });
  });

  it("creates the folder private (0700), LCC_HOME too, while the parents it creates keep the usual mode", async () => {
    useUsualUmask();
    const root = await workspace(false);
    expect(modeOf(await ensureLccHome(root, {}))).toBe(0o700);
    expect(modeOf(await ensureLccHome(root, { LCC_HOME: "state/lcc" }))).toBe(0o700);
    expect(modeOf(join(root, "state"))).toBe(0o755);
  });

  it("leaves the mode of a folder the user already made alone", async () => {
    const root = await workspace(false);
    mkdirSync(join(root, ".lcc"), { mode: 0o750 });
    await ensureLccHome(root, {});
    expect(modeOf(join(root, ".lcc"))).toBe(0o750 & ~process.umask());
  });

  it("excludes the folder relative to the repository root when the workspace is a subfolder", async () => {
    const root = await workspace(true);
    mkdirSync(join(root, "packages", "app"), { recursive: true });
    const home = await ensureLccHome(join(root, "packages", "app"), {});
    expect(home).toBe(join(root, "packages", "app", ".lcc"));
    expect(exclude(root)).toMatch(/^packages\/app\/\.lcc\/$/m);
  });

  it("leaves an exclude file that is no regular file alone (a FIFO there neither hangs it nor is replaced)", async () => {
    const root = await workspace(true);
    const excludeFile = join(root, ".git", "info", "exclude");
    rmSync(excludeFile, { force: true });
    execFileSync("mkfifo", [excludeFile]);
    expect(await ensureLccHome(root, {})).toBe(join(root, ".lcc"));
    expect(lstatSync(excludeFile).isFIFO()).toBe(true);
  });

  it("leaves git alone when the folder is outside the repository or there is no repository", async () => {
    const root = await workspace(true);
    const elsewhere = await workspace(false);
    const before = exclude(root);
    await ensureLccHome(root, { LCC_HOME: join(elsewhere, "state") });
    expect(exclude(root)).toBe(before);
    expect(await ensureLccHome(elsewhere, {})).toBe(join(elsewhere, ".lcc"));
    expect(existsSync(join(elsewhere, ".git"))).toBe(false);
  });
});
