// A small .gitignore matcher: parse the rules of one file, then decide for a path whether the
// stack of ignore files in force (outermost first) ignores it. Pure; the walker does the I/O.
import { relative, sep } from "node:path";
import { globToRegExpSource } from "./glob-pattern.ts";

/** One line of a .gitignore file, compiled. */
export interface IgnoreRule {
  regex: RegExp;
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
 * Parses .gitignore text the way git does: blank lines and `#` comments are skipped, unescaped
 * trailing spaces dropped, `!` negates, a trailing `/` means folders only, and a `/` at the start
 * or in the middle anchors the pattern to the file's folder (otherwise it matches at any depth).
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
    const body = globToRegExpSource(line, { braces: false });
    const source = anchored ? `^${body}$` : `^(?:.*/)?${body}$`;
    rules.push({ regex: new RegExp(source), negated, directoryOnly });
  }
  return rules;
}

function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === " " && line[end - 2] !== "\\") end -= 1;
  return line.slice(0, end);
}

/** The verdict of one ignore file for one path: the last matching rule wins. */
function matchIgnoreFile(
  file: IgnoreFile,
  path: string,
  isDirectory: boolean,
): "ignore" | "include" | undefined {
  const relativePath = relative(file.base, path);
  if (relativePath === "" || relativePath === ".." || relativePath.startsWith(`..${sep}`)) return undefined;
  const slashed = sep === "/" ? relativePath : relativePath.split(sep).join("/");
  for (let index = file.rules.length - 1; index >= 0; index--) {
    const rule = file.rules[index]!;
    if (rule.directoryOnly && !isDirectory) continue;
    if (rule.regex.test(slashed)) return rule.negated ? "include" : "ignore";
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
