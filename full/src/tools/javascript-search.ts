// FileSearch without ripgrep: the walk of walk-files.ts plus a JavaScript RegExp tested line by
// line. Binary files (a NUL byte) and files over 50 MB are skipped; unreadable ones are reported.
import { readFile, stat } from "node:fs/promises";
import {
  comparePaths,
  createLineCollector,
  type FileSearch,
  type GrepOutcome,
  type GrepQuery,
  invalidPatternError,
  isPermissionError,
  type UnreadablePath,
} from "./file-search.ts";
import { walkFiles } from "./walk-files.ts";

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A FileSearch that needs nothing but Node. */
export function createJavascriptSearch(): FileSearch {
  return {
    implementation: "javascript",
    async listFiles({ directory, signal }) {
      const files: string[] = [];
      const unreadable: UnreadablePath[] = [];
      const onUnreadable = (path: string) => unreadable.push({ path, isDirectory: true });
      for await (const path of walkFiles(directory, signal, onUnreadable)) files.push(path);
      return { files, unreadable };
    },
    grep: grepFiles,
  };
}

/** POSIX classes ripgrep accepts inside brackets (`[[:digit:]]`), as JavaScript class contents. */
const POSIX_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  blank: "\\t ",
  digit: "0-9",
  lower: "a-z",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};
const POSIX_CLASS = /\[:(alnum|alpha|blank|digit|lower|punct|space|upper|word|xdigit):\]/g;

/**
 * Compiles a ripgrep-style pattern to a RegExp: Unicode-aware when the pattern allows it; a leading
 * `(?i)` and `[[:digit:]]`-style POSIX classes work as in ripgrep. Throws ToolError when invalid.
 */
export function compilePattern(pattern: string, caseInsensitive: boolean): RegExp {
  const inline = pattern.startsWith("(?i)");
  const source = (inline ? pattern.slice(4) : pattern).replace(
    POSIX_CLASS,
    (_, name: string) => POSIX_CLASSES[name]!,
  );
  const flags = caseInsensitive || inline ? "i" : "";
  try {
    return new RegExp(source, `${flags}u`);
  } catch {
    try {
      return new RegExp(source, flags);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw invalidPatternError(pattern, message.slice(message.lastIndexOf(": ") + 2));
    }
  }
}

async function grepFiles(query: GrepQuery): Promise<GrepOutcome> {
  const regex = compilePattern(query.pattern, query.caseInsensitive);
  const collector = createLineCollector(query.keepLines);
  const files: string[] = [];
  const counts: Array<{ path: string; count: number }> = [];
  const skipped: UnreadablePath[] = [];
  const onUnreadable = (path: string) => skipped.push({ path, isDirectory: true });
  for await (const path of candidates(query, onUnreadable)) {
    const lines = await readTextLines(path, query.signal).catch((error: unknown) => {
      if (!isPermissionError(error)) throw error;
      skipped.push({ path, isDirectory: false });
      return undefined;
    });
    if (!lines) continue;
    const matching = lines.flatMap((line, index) => (regex.test(line) ? [index] : []));
    if (matching.length === 0) continue;
    files.push(path);
    counts.push({ path, count: matching.length });
    if (query.mode === "content") addContentLines(collector.add, path, lines, matching, query.context);
  }
  const unreadable = skipped.sort((left, right) => comparePaths(left.path, right.path));
  if (query.mode === "files_with_matches") return { mode: "files_with_matches", files, unreadable };
  if (query.mode === "count") return { mode: "count", counts, unreadable };
  return collector.outcome(unreadable);
}

async function* candidates(query: GrepQuery, onUnreadable: (folder: string) => void): AsyncGenerator<string> {
  const stats = await stat(query.target);
  if (!stats.isDirectory()) {
    yield query.target;
    return;
  }
  for await (const path of walkFiles(query.target, query.signal, onUnreadable)) {
    if (query.includeFile(path)) yield path;
  }
}

/**
 * The file's lines (a trailing newline ends the last one), or undefined for binary or huge files and
 * files that vanished. Rejects with the permission error when the file may not be read.
 */
async function readTextLines(path: string, signal: AbortSignal): Promise<string[] | undefined> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats || stats.size > MAX_FILE_BYTES) return undefined;
  const buffer = await readFile(path, { signal }).catch((error: unknown) => {
    signal.throwIfAborted();
    if (isPermissionError(error)) throw error;
    return undefined;
  });
  if (!buffer || buffer.includes(0)) return undefined;
  const lines = buffer.toString("utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Emits each matching line with `context` lines around it, overlapping windows merged. */
function addContentLines(
  add: (line: { path: string; number: number; text: string; isMatch: boolean }) => void,
  path: string,
  lines: string[],
  matching: number[],
  context: number,
): void {
  const isMatch = new Set(matching);
  let next = 0;
  for (const index of matching) {
    const from = Math.max(next, index - context);
    const to = Math.min(lines.length - 1, index + context);
    for (let line = from; line <= to; line++) {
      add({ path, number: line + 1, text: lines[line]!.replace(/\r$/, ""), isMatch: isMatch.has(line) });
    }
    next = Math.max(next, to + 1);
  }
}
