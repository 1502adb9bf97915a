// Workspace confinement: every file tool path resolves inside the workspace, symlinks included.
import { lstat, readlink, realpath } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { ToolError } from "./tool.ts";

/** True when `path` is `root` or inside it (both absolute, already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Resolves `requested` against `workspace` and refuses anything that lands outside: `..`, absolute
 * paths elsewhere, sibling directories sharing a prefix, symlinks that point out (checked on the real
 * path of the deepest existing ancestor, against the workspace's own real path) and dangling
 * symlinks. The file itself need not exist (write_file creates it). `allowedRoots` are folders outside
 * the workspace that count as inside for this call (granted by a permission check). Throws ToolError.
 */
export async function resolveInWorkspace(
  workspace: string,
  requested: string,
  allowedRoots: readonly string[] = [],
): Promise<string> {
  const path = resolve(workspace, requested);
  const roots = [workspace, ...allowedRoots];
  if (!roots.some((root) => isInside(root, path))) throw outside(requested, workspace);
  // The deepest part of the path that exists: the file itself, or the folder it would be created in.
  let existing = path;
  while (!(await isPresent(existing))) {
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  // Fails only when that part is a symlink to nowhere: writing through it would create its target.
  const real = await realpath(existing).catch(() => undefined);
  if (real === undefined) {
    const link = await readlink(existing).catch(() => "?");
    throw new ToolError(
      `"${requested}" is a symlink to "${link}", which does not exist. Refusing to follow it.`,
    );
  }
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => root)));
  if (!realRoots.some((root) => isInside(root, real))) throw outside(requested, workspace, real);
  return path;
}

/** True when something (a file, a folder, a symlink even to nowhere) is at `path`. */
function isPresent(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

function outside(requested: string, workspace: string, target?: string): ToolError {
  const via = target ? ` (it resolves to ${target})` : "";
  return new ToolError(
    `Path "${requested}" is outside the workspace ${workspace}${via}. Use a path inside the workspace.`,
  );
}
