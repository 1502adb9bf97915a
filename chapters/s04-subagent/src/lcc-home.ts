// Where durable agent state lives: `<workspace>/.lcc` (or LCC_HOME), kept out of git via .git/info/exclude.
import { execFile } from "node:child_process";
import { lstat, mkdir, realpath } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { readConfigFile } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";

const execFileAsync = promisify(execFile);

/** The state directory: LCC_HOME (relative paths resolve against the workspace) or `<workspace>/.lcc`. */
export function lccHome(workspace: string, env: NodeJS.ProcessEnv = {}): string {
  const override = env.LCC_HOME?.trim();
  return override ? resolve(workspace, override) : resolve(workspace, ".lcc");
}

/**
 * Creates the state directory and returns its path. A directory it creates is private (0700: it holds
 * transcripts and sessions); one that already exists keeps the mode its owner gave it. When the
 * workspace is inside a git repository and the directory is inside that repository, adds it to the
 * repository's `info/exclude` (once; checked once per process), so agent state never shows up in
 * `git status`. Not being a repository, or git missing, is fine.
 */
export async function ensureLccHome(workspace: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const home = lccHome(workspace, env);
  await createPrivateDirectory(home);
  await excludeOnce(workspace, home);
  return home;
}

/**
 * The git exclusion, once per workspace and folder in this process: many parts of a session ensure the
 * folder (sessions, transcripts, tasks…), and each check costs a git process. A failed one is tried again.
 */
const exclusions = new Map<string, Promise<void>>();

function excludeOnce(workspace: string, home: string): Promise<void> {
  const key = `${workspace}\0${home}`;
  let exclusion = exclusions.get(key);
  if (!exclusion) {
    exclusion = gitPaths(workspace).then(async (repository) => {
      if (repository) await excludeFromGit(repository, home);
    });
    exclusion.catch(() => exclusions.delete(key));
    exclusions.set(key, exclusion);
  }
  return exclusion;
}

/** Creates `path` 0700 (the umask can only narrow it) unless it exists; missing parents get the usual mode. */
async function createPrivateDirectory(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await mkdir(path, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
}

interface GitPaths {
  root: string;
  excludeFile: string;
}

/** Where the exclusion goes: found on disk in the common case, else asked of git (a worktree, GIT_DIR…). */
async function gitPaths(workspace: string): Promise<GitPaths | undefined> {
  const onDisk = await gitPathsOnDisk(workspace);
  return onDisk === "ask git" ? gitPathsFromGit(workspace) : onDisk;
}

/**
 * The repository holding `workspace` without starting git (a process costs several ms of the first
 * request): the nearest `.git` folder with a HEAD at or above its real path. "ask git" for anything else
 * (a worktree's or submodule's `.git` file, GIT_DIR and friends set); undefined when there is no `.git`.
 */
async function gitPathsOnDisk(workspace: string): Promise<GitPaths | undefined | "ask git"> {
  if (["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR"].some((name) => process.env[name])) return "ask git";
  let folder: string;
  try {
    folder = await realpath(workspace);
  } catch {
    return "ask git";
  }
  for (;;) {
    const dotGit = await lstat(join(folder, ".git")).catch(() => undefined);
    if (dotGit?.isDirectory() && (await lstat(join(folder, ".git", "HEAD")).catch(() => undefined)))
      return { root: folder, excludeFile: join(folder, ".git", "info", "exclude") };
    if (dotGit) return "ask git";
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

async function gitPathsFromGit(workspace: string): Promise<GitPaths | undefined> {
  try {
    const { stdout } = await execFileAsync(
      "git",
      ["rev-parse", "--show-toplevel", "--git-path", "info/exclude"],
      {
        cwd: workspace,
      },
    );
    const [root, excludeFile] = stdout.trim().split("\n");
    if (!root || !excludeFile) return undefined;
    return { root, excludeFile: resolve(workspace, excludeFile) };
  } catch {
    return undefined;
  }
}

async function excludeFromGit({ root, excludeFile }: GitPaths, home: string): Promise<void> {
  const inside = relative(root, home);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return;
  // Relative to the repository root, as people write it: ".lcc/" for a workspace at the root.
  const entry = `${inside.split(sep).join("/")}/`;
  // Only a regular file is read and rewritten (a FIFO or device there must not hang or be replaced); missing: new.
  const read = await readConfigFile(excludeFile);
  if (!read.ok && read.skip.kind !== "missing") return;
  const existing = read.ok ? read.text : "";
  const lines = existing.split(/\r?\n/).map((line) => line.trim());
  if (lines.includes(entry) || lines.includes(`/${entry}`)) return;
  const separator = existing === "" || existing.endsWith("\n") ? "" : "\n";
  await writeFileAtomic(excludeFile, `${existing}${separator}${entry}\n`);
}
