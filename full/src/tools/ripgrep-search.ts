// FileSearch on ripgrep: `--files`, `--files-with-matches`, `--count` and `--json` output parsed
// into the shapes the JS walk produces.
import { lstat } from "node:fs/promises";
import { ToolError } from "@lcc/s02";
import {
  comparePaths,
  createLineCollector,
  type FileSearch,
  type GrepLine,
  type GrepOutcome,
  type GrepQuery,
  invalidPatternError,
  type UnreadablePath,
} from "./file-search.ts";
import { fileNameArgs, RIPGREP_BASE_ARGS, type RipgrepExit, runRipgrep } from "./ripgrep.ts";

/** A FileSearch that runs `command` (a working ripgrep) for every query. */
export function createRipgrepSearch(command: string): FileSearch {
  return {
    implementation: "ripgrep",
    async listFiles({ directory, fileNameHint, signal }) {
      const files: string[] = [];
      const args = [
        ...RIPGREP_BASE_ARGS,
        "--files",
        "--null",
        ...fileNameArgs(fileNameHint),
        "--",
        directory,
      ];
      const exit = await runRipgrep({
        command,
        args,
        separator: "\0",
        signal,
        onRecord: (path) => files.push(path),
      });
      throwOnFailure(exit, undefined);
      return { files: files.sort(comparePaths), unreadable: await describeUnreadable(exit) };
    },
    grep(query) {
      if (query.mode === "content") return grepContent(command, query);
      if (query.mode === "count") return grepCounts(command, query);
      return grepFiles(command, query);
    },
  };
}

function searchArgs(query: GrepQuery, modeArgs: string[]): string[] {
  const args = [...RIPGREP_BASE_ARGS, ...modeArgs, ...fileNameArgs(query.fileNameHint)];
  if (query.caseInsensitive) args.push("--ignore-case");
  return [...args, "--", query.pattern, query.target];
}

async function grepFiles(command: string, query: GrepQuery): Promise<GrepOutcome> {
  const files: string[] = [];
  const args = searchArgs(query, ["--files-with-matches", "--null"]);
  const exit = await runRipgrep({
    command,
    args,
    separator: "\0",
    signal: query.signal,
    onRecord: (path) => {
      if (query.includeFile(path)) files.push(path);
    },
  });
  throwOnFailure(exit, query.pattern);
  const unreadable = await describeUnreadable(exit);
  return { mode: "files_with_matches", files: files.sort(comparePaths), unreadable };
}

async function grepCounts(command: string, query: GrepQuery): Promise<GrepOutcome> {
  const counts: Array<{ path: string; count: number }> = [];
  const args = searchArgs(query, ["--count", "--with-filename", "--null"]);
  const exit = await runRipgrep({
    command,
    args,
    separator: "\n",
    signal: query.signal,
    onRecord: (record) => {
      const split = record.lastIndexOf("\0");
      const path = record.slice(0, split);
      if (split > 0 && query.includeFile(path)) counts.push({ path, count: Number(record.slice(split + 1)) });
    },
  });
  throwOnFailure(exit, query.pattern);
  const sorted = counts.sort((left, right) => comparePaths(left.path, right.path));
  return { mode: "count", counts: sorted, unreadable: await describeUnreadable(exit) };
}

interface JsonText {
  text?: string;
  bytes?: string;
}

interface JsonMessage {
  type: string;
  data?: { path?: JsonText; lines?: JsonText; line_number?: number };
}

async function grepContent(command: string, query: GrepQuery): Promise<GrepOutcome> {
  const collector = createLineCollector(query.keepLines);
  const modeArgs = ["--json", "--sort=path"];
  if (query.context > 0) modeArgs.push(`--context=${query.context}`);
  const exit = await runRipgrep({
    command,
    args: searchArgs(query, modeArgs),
    separator: "\n",
    signal: query.signal,
    onRecord: (record) => {
      const line = parseJsonLine(record);
      if (line && query.includeFile(line.path)) collector.add(line);
    },
  });
  throwOnFailure(exit, query.pattern);
  return collector.outcome(await describeUnreadable(exit));
}

function parseJsonLine(record: string): GrepLine | undefined {
  if (!record.startsWith('{"type":"match"') && !record.startsWith('{"type":"context"')) return undefined;
  const message = JSON.parse(record) as JsonMessage;
  const { path, lines, line_number: number } = message.data ?? {};
  if (!path || !lines || number === undefined) return undefined;
  const text = decode(lines).replace(/\r?\n$/, "");
  return { path: decode(path), number, text, isMatch: message.type === "match" };
}

function decode(value: JsonText): string {
  return value.text ?? Buffer.from(value.bytes ?? "", "base64").toString("utf8");
}

/** The paths ripgrep could not read, in path order, each marked folder or file. */
async function describeUnreadable(exit: RipgrepExit): Promise<UnreadablePath[]> {
  const paths = [...new Set(exit.unreadable)].sort(comparePaths);
  return Promise.all(
    paths.map(async (path) => ({
      path,
      isDirectory: await lstat(path).then(
        (stats) => stats.isDirectory(),
        () => false,
      ),
    })),
  );
}

/** Exit 2 means an error: a bad pattern becomes a ToolError the model can act on. */
function throwOnFailure(exit: RipgrepExit, pattern: string | undefined): void {
  if (exit.code !== 2 || exit.stderr.trim() === "") return;
  const detail = exit.stderr.trim();
  if (pattern !== undefined && /regex|parse error/i.test(detail)) {
    const reason = detail.split("\n").find((line) => line.startsWith("error: ")) ?? detail.split("\n")[0]!;
    throw invalidPatternError(pattern, reason.replace(/^error: /, "").replace(/\.$/, ""));
  }
  throw new ToolError(`ripgrep failed: ${detail}`);
}
