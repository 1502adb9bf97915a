// Glob patterns compiled to regular expressions: `*`, `?`, `[...]`, `**` across folders and,
// optionally, `{a,b}` alternatives. Shared by the glob tool, grep's file filter and .gitignore rules.

/** Options of {@link globToRegExpSource}. */
export interface GlobSyntax {
  /** Expand `{a,b}` alternatives (globs do; .gitignore patterns do not). */
  braces: boolean;
}

const REGEX_SPECIALS = /[.*+?^${}()|[\]\\/]/g;

function escapeRegExp(text: string): string {
  return text.replace(REGEX_SPECIALS, "\\$&");
}

/**
 * The regular-expression source (no anchors) that matches what `pattern` matches in a `/`-separated
 * path: `*` and `?` never cross a `/`; a `**` segment matches any number of folders (`a/**` matches
 * everything inside `a`); `\x` is a literal `x`; an unclosed `[` or `{` is literal. Never throws.
 */
export function globToRegExpSource(pattern: string, syntax: GlobSyntax): string {
  let source = "";
  let braceDepth = 0;
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    if (char === "\\") {
      source += escapeRegExp(pattern[index + 1] ?? "\\");
      index += 2;
    } else if (char === "*") {
      const [piece, length] = compileStars(pattern, index);
      source += piece;
      index += length;
    } else if (char === "?") {
      source += "[^/]";
      index += 1;
    } else if (char === "[") {
      const [piece, length] = compileClass(pattern, index);
      source += piece;
      index += length;
    } else if (syntax.braces && char === "{" && hasClosingBrace(pattern, index)) {
      source += "(?:";
      braceDepth += 1;
      index += 1;
    } else if (syntax.braces && char === "," && braceDepth > 0) {
      source += "|";
      index += 1;
    } else if (syntax.braces && char === "}" && braceDepth > 0) {
      source += ")";
      braceDepth -= 1;
      index += 1;
    } else {
      source += escapeRegExp(char);
      index += 1;
    }
  }
  return source;
}

/** `*`, or a `**` that forms a whole path segment (then it crosses folders). */
function compileStars(pattern: string, index: number): [string, number] {
  let end = index;
  while (pattern[end] === "*") end += 1;
  const count = end - index;
  const startsSegment = index === 0 || pattern[index - 1] === "/";
  const endsSegment = end === pattern.length || pattern[end] === "/";
  if (count < 2 || !startsSegment || !endsSegment) return ["[^/]*", count];
  if (pattern[end] === "/") return ["(?:.*/)?", count + 1];
  return [".*", count];
}

/** A `[...]` class (`!` or `^` negates) that never matches `/`; an unclosed `[` is literal. */
function compileClass(pattern: string, index: number): [string, number] {
  let cursor = index + 1;
  const negated = pattern[cursor] === "!" || pattern[cursor] === "^";
  if (negated) cursor += 1;
  let body = "";
  let first = true;
  while (cursor < pattern.length && (pattern[cursor] !== "]" || first)) {
    const char = pattern[cursor]!;
    if (char === "\\" && cursor + 1 < pattern.length) {
      body += `\\${pattern[cursor + 1]}`;
      cursor += 2;
    } else {
      body += char === "-" ? "-" : char.replace(/[\\\]^[]/g, "\\$&");
      cursor += 1;
    }
    first = false;
  }
  if (cursor >= pattern.length) return ["\\[", 1];
  const piece = negated ? `(?![/])[^${body}]` : `(?![/])[${body}]`;
  return [piece, cursor + 1 - index];
}

function hasClosingBrace(pattern: string, index: number): boolean {
  let depth = 0;
  for (let cursor = index; cursor < pattern.length; cursor++) {
    const char = pattern[cursor];
    if (char === "\\") cursor += 1;
    else if (char === "{") depth += 1;
    else if (char === "}") {
      depth -= 1;
      if (depth === 0) return true;
    }
  }
  return false;
}

/**
 * A predicate over `/`-separated paths relative to the search folder, with ripgrep's `--glob`
 * reading: a pattern without `/` matches the file name at any depth (`*.ts`); one with `/` matches
 * the whole relative path (`src/**\/*.ts`; a leading `/` is dropped). Braces expand.
 */
export function createGlobFilter(pattern: string): (relativePath: string) => boolean {
  const trimmed = pattern.startsWith("/") ? pattern.slice(1) : pattern;
  const source = globToRegExpSource(trimmed, { braces: true });
  const regex = new RegExp(`^${source}$`);
  if (!hasSeparator(trimmed))
    return (relativePath) => regex.test(relativePath.slice(relativePath.lastIndexOf("/") + 1));
  return (relativePath) => regex.test(relativePath);
}

/** A predicate over whole relative paths: the glob tool's reading (`*.ts` is top-level only). */
export function createPathGlob(pattern: string): (relativePath: string) => boolean {
  const regex = new RegExp(`^${globToRegExpSource(pattern, { braces: true })}$`);
  return (relativePath) => regex.test(relativePath);
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
