// Where lanes live: `<lcc home>/worktrees/<name>`, beside the manager's `state.json`, `events.jsonl` and
// `.lock`. Inside the workspace the folder must lead through no symbolic link: a repository that ships
// `.lcc/worktrees -> ~/elsewhere` gets no lane, no state and no event written there.
import { lstat, mkdir, realpath } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { ensureLccHome, lccHome } from "@lcc/s04";
import { WorktreeError } from "./worktree-error.ts";

/** The lanes folder of `workspace` (LCC_HOME honoured). Touches nothing on disk. */
export function lanesFolder(workspace: string, env: NodeJS.ProcessEnv = {}): string {
  return join(lccHome(workspace, env), "worktrees");
}

/**
 * Creates the state folder (git-excluded, s04) and the lanes folder (0700) unless they exist, then checks
 * the path. Throws WorktreeError naming the link when, inside the workspace, any part of the path below
 * the workspace is a symbolic link or the folder resolves anywhere else. LCC_HOME outside the workspace
 * is the user's choice and not checked.
 */
export async function prepareLanesFolder(workspace: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const folder = lanesFolder(workspace, env);
  await refuseLinkedPath(workspace, folder);
  await ensureLccHome(workspace, env);
  await refuseLinkedPath(workspace, folder);
  await mkdir(folder, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  await refuseLinkedPath(workspace, folder);
  return folder;
}

/** Throws WorktreeError when a part of `path` below `workspace` is a symbolic link or it resolves elsewhere. */
export async function refuseLinkedPath(workspace: string, path: string): Promise<void> {
  const below = relative(workspace, path);
  if (below === "" || below.startsWith("..") || isAbsolute(below)) return;
  let current = workspace;
  for (const part of below.split(sep)) {
    current = join(current, part);
    const stats = await lstat(current).catch(() => undefined);
    if (!stats) return; // not created yet: created by us, as a folder
    if (stats.isSymbolicLink())
      throw new WorktreeError(
        `${current} is a symbolic link (to ${await realpath(current).catch(() => "a missing target")}); ` +
          "no lane, state or event is written through it. Remove the link.",
      );
  }
  const real = await realpath(path);
  const expected = join(await realpath(workspace), below);
  if (real !== expected)
    throw new WorktreeError(`${path} resolves to ${real}, outside ${workspace}; no lane is made there.`);
}
