// Path rules (`Read(./.env)`, `Edit(src/**)`, `Read(//etc/**)`, `Edit(~/notes/*)`) with Claude Code's
// anchors and gitignore-style globs, matched by picomatch. Pure: paths arrive absolute and resolved.
import { isAbsolute, join, relative, sep } from "node:path";
import picomatch from "picomatch";

/** What a relative path pattern is anchored to. */
export interface PathAnchors {
  /** `./x` and `x` are relative to it. */
  workspace: string;
  /** `~/x` is relative to it (undefined: such rules match nothing). */
  home?: string;
  /** `/x` is relative to it: the project (or home) of the settings file the rule came from. */
  root: string;
}

/**
 * Resolves a pattern's anchor: the base directory and the glob relative to it.
 * `//abs` → "/" ; `~/x` → home ; `/x` → root ; `./x` or `x` → workspace. Gitignore-style: a pattern
 * without a slash inside (`.env`, `*.key`) matches that name at any depth; `dir/` means everything in it.
 */
export function anchorPattern(
  pattern: string,
  anchors: PathAnchors,
): { base: string; glob: string } | undefined {
  let base: string | undefined;
  let rest: string;
  let anchored = true;
  if (pattern.startsWith("//")) [base, rest] = ["/", pattern.slice(2)];
  else if (pattern.startsWith("~/")) [base, rest] = [anchors.home, pattern.slice(2)];
  else if (pattern.startsWith("/")) [base, rest] = [anchors.root, pattern.slice(1)];
  else if (pattern.startsWith("./")) [base, rest] = [anchors.workspace, pattern.slice(2)];
  else {
    [base, rest] = [anchors.workspace, pattern];
    anchored = rest.replace(/\/+$/, "").includes("/");
  }
  if (base === undefined) return undefined;
  let glob = rest.endsWith("/") ? `${rest}**` : rest;
  if (glob === "") glob = "**";
  if (!anchored) glob = `**/${glob}`;
  return { base, glob };
}

/** True when the absolute, resolved `path` matches the rule pattern under the anchors. */
export function matchesPathPattern(pattern: string, path: string, anchors: PathAnchors): boolean {
  const anchored = anchorPattern(pattern, anchors);
  if (!anchored) return false;
  const rel = relative(anchored.base, path);
  if (rel === "") return anchored.glob === "**";
  if (rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) return false;
  const posix = rel.split(sep).join("/");
  // posix: `[!0-9]` negates as in gitignore (without it picomatch 4 reads `!` as a member of the class).
  const matcher = picomatch(anchored.glob, { dot: true, posix: true });
  // `src/**` matches src itself and `docs` matches everything under docs (gitignore: a folder covers its contents).
  return (
    matcher(posix) || posix.split("/").some((_, index, parts) => matcher(parts.slice(0, index + 1).join("/")))
  );
}

/** True when `path` is `root` or inside it (both absolute and resolved). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * The narrowest folder rule covering `path` for a "yes always": `src/lib/**` inside the workspace, `./*`
 * for a file at its top, `//abs/folder/**` outside it.
 */
export function folderPatternFor(path: string, workspace: string): string {
  const folder = join(path, "..");
  if (!isWithin(workspace, folder)) return `/${folder}/**`.replace(/^\/+/, "//");
  const rel = relative(workspace, folder).split(sep).join("/");
  return rel === "" ? "./*" : `${rel}/**`;
}
