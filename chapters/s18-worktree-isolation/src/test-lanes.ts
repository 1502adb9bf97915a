// Test helpers for the lane manager: a temp git repository with a task store, git run directly (as a
// person would), and a manager on it. Not part of the public surface.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { lccHome } from "@lcc/s04";
import { createTaskStore, type TaskStore } from "@lcc/s12";
import { createTempWorkspace } from "@lcc/testkit";
import { createWorktreeManager, type WorktreeManager } from "./worktree-manager.ts";

const execFileAsync = promisify(execFile);

export interface LaneRepository {
  dir: string;
  tasks: TaskStore;
  manager: WorktreeManager;
  /** A new manager on the same workspace (a restart). */
  restart(): WorktreeManager;
  /** Runs git directly in `cwd` (default the repository) and returns stdout. */
  git(args: string[], cwd?: string): Promise<string>;
  cleanup(): Promise<void>;
}

/** A repository with `notes.txt` committed on `main`, its task store, and a manager. */
export async function createLaneRepository(): Promise<LaneRepository> {
  const workspace = await createTempWorkspace({ git: true, files: { "notes.txt": "line one\n" } });
  const { dir } = workspace;
  const tasks = createTaskStore({ folder: join(lccHome(dir), "tasks"), root: dir });
  const restart = () => createWorktreeManager({ workspace: dir, tasks });
  const git = async (args: string[], cwd = dir) => (await execFileAsync("git", args, { cwd })).stdout;
  return { dir, tasks, manager: restart(), restart, git, cleanup: workspace.cleanup };
}
