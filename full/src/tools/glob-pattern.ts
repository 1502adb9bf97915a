// Glob patterns matched by picomatch (the matcher fast-glob and s07's path rules use), read as
// ripgrep reads them: `*`, `?`, `[...]`, `**` across folders, `{a,b}`. Shared by glob and grep.
import picomatch from "picomatch";

/**
 * picomatch options for ripgrep's glob syntax: `*` also matches names starting with `.`, `[!x]`
 * negates a class (`posix`), no extglobs (ripgrep has none, so `+(a)` stays literal), `/` only.
 * A leading `!` stays literal: excluding would need the ripgrep hint (fileNameGlob) to agree.
 */
const RIPGREP_SYNTAX: picomatch.PicomatchOptions = {
  dot: true,
  posix: true,
  noextglob: true,
  nonegate: true,
  windows: false,
};

/**
 * A predicate over `/`-separated paths relative to the search folder, with ripgrep's `--glob`
 * reading: a pattern without `/` matches the file name at any depth (`*.ts`); one with `/` matches
 * the whole relative path (`src/**\/*.ts`; a leading `/` is dropped). Braces expand; `*` and `?`
 * never cross a `/`; `\x` is a literal `x`; an unclosed `[` or `{` is literal.
 */
export function createGlobFilter(pattern: string): (relativePath: string) => boolean {
  const trimmed = pattern.startsWith("/") ? pattern.slice(1) : pattern;
  const matches = picomatch(trimmed, RIPGREP_SYNTAX);
  if (!hasSeparator(trimmed))
    return (relativePath) => matches(relativePath.slice(relativePath.lastIndexOf("/") + 1));
  return matches;
}

/**
 * A predicate over whole relative paths: the glob tool's reading (`*.ts` is top-level only, a `**`
 * segment matches any number of folders, including none). Same syntax as {@link createGlobFilter}.
 */
export function createPathGlob(pattern: string): (relativePath: string) => boolean {
  const matches = picomatch(pattern, RIPGREP_SYNTAX);
  return (relativePath) => matches(relativePath);
}

/**
 * The last segment of a glob when it constrains file names by itself (`src/**\/*.ts` → `*.ts`),
 * used to let ripgrep skip other files early; undefined when it cannot be split safely.
 */
export function fileNameGlob(pattern: string): string | undefined {
  const last = pattern.slice(pattern.lastIndexOf("/") + 1);
  if (last === "" || last === "**" || /\*\*/.test(last) || pattern.includes("\\")) return undefined;
  if (!isBalanced(last)) return undefined;
  return last;
}

function hasSeparator(pattern: string): boolean {
  return pattern.includes("/");
}

function isBalanced(segment: string): boolean {
  let braces = 0;
  let brackets = 0;
  for (const char of segment) {
    if (char === "{") braces += 1;
    if (char === "}") braces -= 1;
    if (char === "[") brackets += 1;
    if (char === "]") brackets -= 1;
    if (braces < 0 || brackets < 0) return false;
  }
  return braces === 0 && brackets === 0;
}
