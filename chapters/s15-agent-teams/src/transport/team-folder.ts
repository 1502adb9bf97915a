// The file backend's folder, `<lcc home>/team` with `streams/` and `cursors/` (0700): created on open, and
// refused when it leads through a symbolic link, so a repository that ships `.lcc/team -> ~/x` gets nothing.
import { existsSync } from "node:fs";
import { chmod, lstat, mkdir, realpath } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { ensureLccHome, lccHome } from "@lcc/s04";
import { checkTeamFolderOwner, markTeamFolder, withTeamFolderLock } from "./team-folder-owner.ts";
import { TeamTransportError } from "./team-transport.ts";

/** The paths of a team folder. */
export interface TeamFolder {
  root: string;
  streams: string;
  cursors: string;
  keys: string;
  keysLock: string;
}

/** Where the team folder of `workspace` is (LCC_HOME honoured); nothing is created. */
export function teamFolderPaths(workspace: string, env: NodeJS.ProcessEnv = {}): TeamFolder {
  const root = join(lccHome(workspace, env), "team");
  return {
    root,
    streams: join(root, "streams"),
    cursors: join(root, "cursors"),
    keys: join(root, "kv.json"),
    keysLock: join(root, "kv.lock"),
  };
}

/**
 * Creates the team folder and its two subfolders (0700) unless they exist. Inside the workspace none of
 * them may lead through a symbolic link: throws TeamTransportError naming the folder and where it leads.
 * A state folder outside the workspace (LCC_HOME) is the user's choice and only created. A team folder
 * this creates is marked as the user's; an existing one without that mark is refused (team-folder-owner.ts).
 */
export async function prepareTeamFolder(workspace: string, env: NodeJS.ProcessEnv = {}): Promise<TeamFolder> {
  const folder = teamFolderPaths(workspace, env);
  // s04's helper runs git (to exclude the state folder): only for a state folder this creates.
  if (!existsSync(lccHome(workspace, env))) await ensureLccHome(workspace, env);
  const realWorkspace = await realpath(workspace);
  await refuseLinkedFolder(folder.root, workspace, realWorkspace);
  return withTeamFolderLock(env, async () => {
    const made = !existsSync(folder.root);
    for (const path of [folder.root, folder.streams, folder.cursors]) {
      await refuseLinkedFolder(path, workspace, realWorkspace);
      await createPrivateFolder(path);
      await refuseLinkedFolder(path, workspace, realWorkspace);
    }
    // A folder this call made is marked as the user's; one that was there must carry that mark.
    if (made) await markTeamFolder(folder.root, env);
    else await checkTeamFolderOwner(folder.root, env);
    return folder;
  });
}

/** Creates `path` (one level) 0700, or leaves an existing folder as it is. */
export async function createPrivateFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { mode: 0o700 });
    await chmod(path, 0o700);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/** Throws TeamTransportError when `path` itself is a symbolic link (a planted file or folder). */
export async function refuseSymbolicLink(path: string): Promise<void> {
  const stats = await lstat(path).catch(() => undefined);
  if (stats?.isSymbolicLink())
    throw new TeamTransportError(`${path} is a symbolic link; the team transport does not follow it`);
}

async function refuseLinkedFolder(path: string, workspace: string, realWorkspace: string): Promise<void> {
  const below = relative(workspace, path);
  if (below.startsWith("..") || isAbsolute(below)) return; // LCC_HOME outside the workspace: the user's choice
  const stats = await lstat(path).catch(() => undefined);
  if (!stats) return; // not created yet
  const real = await realpath(path);
  if (stats.isSymbolicLink() || real !== join(realWorkspace, below))
    throw new TeamTransportError(
      `${path} leads through a symbolic link (to ${real}); the team transport writes nothing there`,
    );
  if (!stats.isDirectory()) throw new TeamTransportError(`${path} is not a folder`);
}
