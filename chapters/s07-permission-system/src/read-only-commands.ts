// The built-in set of bash commands that only read: they never need a question. Pure.
import type { CommandSegment } from "./bash-command.ts";

/** Programs that only read whatever their arguments (apart from the flags refused below). */
const READ_ONLY_PROGRAMS = new Set([
  "echo",
  "printf",
  "pwd",
  "ls",
  "cat",
  "head",
  "tail",
  "wc",
  "grep",
  "egrep",
  "fgrep",
  "rg",
  "find",
  "which",
  "whoami",
  "date",
  "sleep",
  "true",
  "false",
  "file",
  "stat",
  "du",
  "df",
  "sort",
  "uniq",
  "cut",
  "tr",
  "basename",
  "dirname",
  "realpath",
  "readlink",
  "diff",
  "cmp",
  "nl",
  "uname",
  "id",
  "hostname",
  "type",
]);

/** git subcommands that only read. */
const READ_ONLY_GIT = new Set([
  "status",
  "log",
  "diff",
  "show",
  "rev-parse",
  "ls-files",
  "blame",
  "shortlog",
  "describe",
]);

/** Flags that make an otherwise read-only program run something or write a file. */
const WRITING_FLAGS: Readonly<Record<string, RegExp>> = {
  find: /^-(exec|execdir|ok|okdir|delete|fprint|fprint0|fprintf|fls)$/,
  sort: /^(-o|--output)/,
  rg: /^--pre(=|$)/,
  git: /^--output(=|$)/,
};

/**
 * True when the segment is in the read-only set and writes no file: no output redirection, no flag
 * that runs a command or writes (find -exec/-delete, sort -o, rg --pre, git --output), and no path
 * argument that leaves the workspace (`/…`, `~…`, `..`), which asks instead.
 */
export function isReadOnlySegment(segment: CommandSegment): boolean {
  if (segment.writesFiles) return false;
  const [program, ...args] = segment.words;
  if (!program) return false;
  if (program === "git") {
    const subcommand = args.find((arg) => !arg.startsWith("-"));
    if (!subcommand || !READ_ONLY_GIT.has(subcommand) || args.some((arg) => arg.startsWith("-c")))
      return false;
  } else if (!READ_ONLY_PROGRAMS.has(program)) return false;
  const writing = WRITING_FLAGS[program];
  if (writing && args.some((arg) => writing.test(arg))) return false;
  return !args.some(leavesWorkspace);
}

function leavesWorkspace(arg: string): boolean {
  if (arg === "/dev/null") return false;
  const value = arg.includes("=") && arg.startsWith("-") ? arg.slice(arg.indexOf("=") + 1) : arg;
  return value.startsWith("/") || value.startsWith("~") || /(^|\/)\.\.(\/|$)/.test(value);
}
