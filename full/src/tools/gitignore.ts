// A .gitignore matcher: git's line rules parsed here, each pattern compiled by picomatch; then
// decide for a path whether the stack of ignore files in force (outermost first) ignores it.
import { isAbsolute, relative, sep } from "node:path";
import picomatch from "picomatch";

/** One line of a .gitignore file, compiled. */
export interface IgnoreRule {
  /** True when the pattern matches the path (relative to the file's folder, `/`-separated). */
  matches: (relativePath: string) => boolean;
  /** `!pattern`: re-includes what an earlier rule ignored. */
  negated: boolean;
  /** `pattern/`: matches folders only. */
  directoryOnly: boolean;
}

/** The rules of one ignore file and the folder they are relative to (absolute). */
export interface IgnoreFile {
  base: string;
  rules: IgnoreRule[];
}

/**
 * picomatch options for gitignore globs: `*` matches names starting with `.`, `[!x]` negates a
 * class, and braces, extglobs and a leading `!` are not syntax (the `!` is read by the parser).
 */
const GITIGNORE_SYNTAX: picomatch.PicomatchOptions = {
  dot: true,
  posix: true,
  nobrace: true,
  noextglob: true,
  nonegate: true,
  windows: false,
};

/**
 * Parses .gitignore text the way git does: blank lines and `#` comments are skipped, unescaped
 * trailing spaces dropped, `!` negates, a trailing `/` means folders only, and a `/` at the start
 * or in the middle anchors the pattern to the file's folder (otherwise it matches the name at any depth).
 */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const rawLine of text.split("\n")) {
    let line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (line === "" || line.startsWith("#")) continue;
    line = trimTrailingSpaces(line);
    const negated = line.startsWith("!");
    if (negated) line = line.slice(1);
    const directoryOnly = line.endsWith("/") && !line.endsWith("\\/");
    if (directoryOnly) line = line.slice(0, -1);
    if (line === "") continue;
    const anchored = line.includes("/");
    if (line.startsWith("/")) line = line.slice(1);
    const test = picomatch(line, GITIGNORE_SYNTAX);
    const matches = anchored
      ? test
      : (relativePath: string) => test(relativePath.slice(relativePath.lastIndexOf("/") + 1));
    rules.push({ matches, negated, directoryOnly });
  }
  return rules;
}

function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === " " && line[end - 2] !== "\\") end -= 1;
  return line.slice(0, end);
}

/**
 * The verdict of one ignore file for one path: the last matching rule wins. Only the path itself
 * is matched, not its folders: the walk never enters an ignored folder, and a walk started inside
 * one lists its files, as ripgrep does.
 */
function matchIgnoreFile(
  file: IgnoreFile,
  path: string,
  isDirectory: boolean,
): "ignore" | "include" | undefined {
  const relativePath = relative(file.base, path);
  if (relativePath === "" || relativePath === ".." || relativePath.startsWith(`..${sep}`)) return undefined;
  if (isAbsolute(relativePath)) return undefined; // another drive on Windows
  const slashed = sep === "/" ? relativePath : relativePath.split(sep).join("/");
  for (let index = file.rules.length - 1; index >= 0; index--) {
    const rule = file.rules[index]!;
    if (rule.directoryOnly && !isDirectory) continue;
    if (rule.matches(slashed)) return rule.negated ? "include" : "ignore";
  }
  return undefined;
}

/**
 * True when the innermost ignore file with an opinion on `path` (absolute) ignores it. `files` is
 * ordered outermost first (.git/info/exclude, then .gitignore files from the top folder down).
 */
export function isIgnored(files: readonly IgnoreFile[], path: string, isDirectory: boolean): boolean {
  for (let index = files.length - 1; index >= 0; index--) {
    const verdict = matchIgnoreFile(files[index]!, path, isDirectory);
    if (verdict) return verdict === "ignore";
  }
  return false;
}
