// The I/O half of path rules: which paths a call touches, made absolute with symlinks resolved, so a link
// inside the workspace that points outside is judged by where it points.
import { realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { PATH_FIELDS } from "./tool-aliases.ts";

/** The resolved paths of a file tool's call (glob and grep default to the workspace); [] for other tools. */
export async function resolveCallPaths(
  name: string,
  input: unknown,
  workspace: string,
  home?: string,
): Promise<string[]> {
  const fields = PATH_FIELDS[name];
  if (!fields) return [];
  const record = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const raw = fields
    .map((field) => record[field])
    .filter((value): value is string => typeof value === "string");
  const requested = raw.length > 0 ? raw : name === "glob" || name === "grep" ? ["."] : [];
  return Promise.all(requested.map((path) => resolveReal(expandHome(path, home), workspace)));
}

/**
 * `path` against `workspace`, with the deepest existing part passed through realpath (a file not
 * written yet is judged by the folder it would be created in). Never throws.
 */
export async function resolveReal(path: string, workspace: string): Promise<string> {
  const absolute = isAbsolute(path) ? resolve(path) : resolve(workspace, path);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      const real = await realpath(existing);
      return rest.length > 0 ? join(real, ...rest.reverse()) : real;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

/** The real path of the deepest existing folder that holds `path` (where a new file would be created). */
export async function existingFolderOf(path: string): Promise<string> {
  let folder = dirname(path);
  for (;;) {
    try {
      return await realpath(folder);
    } catch {
      const parent = dirname(folder);
      if (parent === folder) return folder;
      folder = parent;
    }
  }
}

function expandHome(path: string, home: string | undefined): string {
  return home && (path === "~" || path.startsWith("~/")) ? join(home, path.slice(1)) : path;
}
