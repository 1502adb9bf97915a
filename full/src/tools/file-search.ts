// The narrow interface glob and grep search through (ripgrep-search.ts and javascript-search.ts
// implement it and give the same answers), with the helpers both implementations share.
import { ToolError } from "@lcc/s02";

export type GrepMode = "files_with_matches" | "content" | "count";

/** A folder or file the search was not allowed to read (permission denied), so it was skipped. */
export interface UnreadablePath {
  /** Absolute path. */
  path: string;
  isDirectory: boolean;
}

/** What a listing found, and what it had to skip. */
export interface FileList {
  files: string[];
  /** In path order. */
  unreadable: UnreadablePath[];
}

export interface ListFilesQuery {
  /** Absolute folder to list. */
  directory: string;
  /** A file-name glob every wanted file matches (`*.ts`): a hint that lets ripgrep skip the rest. */
  fileNameHint?: string;
  signal: AbortSignal;
}

export interface GrepQuery {
  /** Absolute file or folder. A file is searched even when ignored, as ripgrep does. */
  target: string;
  pattern: string;
  caseInsensitive: boolean;
  mode: GrepMode;
  /** Lines of context before and after each match (content mode). */
  context: number;
  /** Keeps a file (absolute path) or drops it: grep's `glob` filter. */
  includeFile(path: string): boolean;
  fileNameHint?: string;
  /** Content mode keeps this many output lines and only counts the rest. */
  keepLines: number;
  signal: AbortSignal;
}

/** One output line of content mode; `isMatch` is false for context lines. */
export interface GrepLine {
  path: string;
  number: number;
  text: string;
  isMatch: boolean;
}

/** A search's answer, with the folders and files it could not read (in path order). */
export type GrepOutcome = (
  | { mode: "files_with_matches"; files: string[] }
  | { mode: "count"; counts: Array<{ path: string; count: number }> }
  | { mode: "content"; lines: GrepLine[]; totalLines: number; totalFiles: number }
) & { unreadable: UnreadablePath[] };

/**
 * A file searcher. Both methods honour .gitignore (see walk-files.ts for the exact reading), skip
 * `.git`, `.lcc` and `node_modules`, return absolute paths, throw ToolError for an invalid pattern and
 * the signal's reason once `signal` aborts. Content lines come in path order. Folders they may not
 * read (and, for grep, files) are skipped and reported as `unreadable`.
 */
export interface FileSearch {
  implementation: "ripgrep" | "javascript";
  listFiles(query: ListFilesQuery): Promise<FileList>;
  grep(query: GrepQuery): Promise<GrepOutcome>;
}

/** Collects content lines: keeps the first `keep`, counts them all, and counts files with a match. */
export function createLineCollector(keep: number) {
  const lines: GrepLine[] = [];
  let totalLines = 0;
  const files = new Set<string>();
  return {
    add(line: GrepLine): void {
      totalLines += 1;
      if (line.isMatch) files.add(line.path);
      if (lines.length < keep) lines.push(line);
    },
    outcome(unreadable: UnreadablePath[]): GrepOutcome {
      return { mode: "content", lines, totalLines, totalFiles: files.size, unreadable };
    },
  };
}

/** Orders paths as ripgrep's `--sort path` walk does: folder by folder, names compared as strings. */
export function comparePaths(left: string, right: string): number {
  const leftParts = left.split("/");
  const rightParts = right.split("/");
  const length = Math.min(leftParts.length, rightParts.length);
  for (let index = 0; index < length; index++) {
    const [a, b] = [leftParts[index]!, rightParts[index]!];
    if (a !== b) return a < b ? -1 : 1;
  }
  return leftParts.length - rightParts.length;
}

/** True for the errors that mean "not allowed to read this". */
export function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "EACCES" || code === "EPERM";
}

/** The error both implementations give for a pattern their regex engine rejects. */
export function invalidPatternError(pattern: string, reason: string): ToolError {
  return new ToolError(
    `Invalid regular expression ${JSON.stringify(pattern)}: ${reason}. Fix the pattern, or escape special ` +
      "characters (\\( \\[ \\. \\* \\+ \\?) to match them literally.",
  );
}
