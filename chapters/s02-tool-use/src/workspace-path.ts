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
 * Resolves `requested` against `workspace` (a realpath) and refuses anything that lands outside:
 * `..`, absolute paths elsewhere, sibling directories sharing a prefix, symlinks that point out
 * (checked on the real path of the deepest existing ancestor) and dangling symlinks.
 * The file itself need not exist (write_file creates it). Throws ToolError.
 */
export async function resolveInWorkspace(workspace: string, requested: string): Promise<string> {
  const path = resolve(workspace, requested);
  if (!isInside(workspace, path)) throw outside(requested, workspace);
  let existing = path;
  while (true) {
    const stats = await lstat(existing).catch(() => undefined);
    if (stats?.isSymbolicLink()) {
      const target = await realpath(existing).catch(() => undefined);
      if (!target) {
        const link = await readlink(existing).catch(() => "?");
        throw new ToolError(
          `"${requested}" is a symlink to "${link}", which does not exist. Refusing to follow it.`,
        );
      }
      if (!isInside(workspace, target)) throw outside(requested, workspace, target);
      break;
    }
    if (stats) break;
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  const real = await realpath(existing);
  if (!isInside(workspace, real)) throw outside(requested, workspace, real);
  return path;
}

function outside(requested: string, workspace: string, target?: string): ToolError {
  const via = target ? ` (it resolves to ${target})` : "";
  return new ToolError(
    `Path "${requested}" is outside the workspace ${workspace}${via}. Use a path inside the workspace.`,
  );
}
