// Real temporary workspaces for tests: a realpath'd directory under os.tmpdir(), optional files,
// optional git repository with one initial commit. Removed by `cleanup()`.

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Options of {@link createTempWorkspace}. */
export interface TempWorkspaceOptions {
  /** Files to write, by path relative to the workspace; parent directories are created. */
  files?: Record<string, string>;
  /** Make it a git repository (branch `main`) with the files in one initial commit. */
  git?: boolean;
}

/** A temporary workspace and the way to remove it. */
export interface TempWorkspace {
  /** Absolute, symlink-free path of the workspace. */
  dir: string;
  /** Removes the workspace and everything in it; safe to call twice. */
  cleanup(): Promise<void>;
}

/** Creates a temporary workspace. Git always runs with argument arrays. */
export async function createTempWorkspace(options: TempWorkspaceOptions = {}): Promise<TempWorkspace> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), "lcc-test-")));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    for (const [path, content] of Object.entries(options.files ?? {})) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    if (options.git) await initRepository(dir);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { dir, cleanup };
}

async function initRepository(dir: string): Promise<void> {
  const git = (...args: string[]) => execFileAsync("git", args, { cwd: dir });
  await git("init", "-q", "-b", "main");
  await git("config", "user.name", "LCC Test");
  await git("config", "user.email", "test@example.com");
  await git("config", "commit.gpgsign", "false");
  await git("add", "-A");
  await git("commit", "-q", "--allow-empty", "-m", "initial commit");
}
