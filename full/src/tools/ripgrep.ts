// Running ripgrep: find the executable, spawn it with an argument array, stream its records to a
// callback, and kill it when the signal aborts.
import { execFile, spawn } from "node:child_process";

/**
 * Flags every search passes so that ripgrep's answer matches the JS walk: hidden files included,
 * .gitignore honoured with or without a repository, no user config, global excludes or .ignore
 * files, and `.git`, `.lcc` and `node_modules` always skipped (see ALWAYS_SKIPPED in walk-files.ts).
 * Messages about paths stay on: runRipgrep picks out the ones that say a path may not be read.
 */
export const RIPGREP_BASE_ARGS: readonly string[] = [
  "--no-config",
  "--hidden",
  "--no-require-git",
  "--no-ignore-global",
  "--no-ignore-dot",
  "--no-ignore-messages",
  "--color=never",
  "--glob=!.git",
  "--glob=!.lcc",
  "--glob=!node_modules",
];

/** Resolves to `command` when `command --version` runs, else undefined. Never rejects. */
export function findRipgrep(command: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, ["--version"], { timeout: 5000 }, (error) => resolve(error ? undefined : command));
  });
}

/** Arguments that restrict ripgrep to files whose name matches `glob` (types respect .gitignore; `--glob` would not). */
export function fileNameArgs(glob: string | undefined): string[] {
  if (!glob || glob.includes(":")) return [];
  return [`--type-add=lccwanted:${glob}`, "--type=lccwanted"];
}

export interface RipgrepRun {
  command: string;
  args: string[];
  /** Called for each record of stdout (the text between separators). */
  onRecord(record: string): void;
  /** "\n" for lines, "\0" for `--null` output. */
  separator: string;
  signal: AbortSignal;
}

/**
 * What ripgrep said when it finished: exit code 0 matches found, 1 none, 2 an error. Its messages
 * about single paths are sorted out of `stderr`: the paths it was not allowed to read are in
 * `unreadable`, others (a file that vanished mid-search) are dropped as the JS walk drops them.
 */
export interface RipgrepExit {
  code: number | null;
  /** The other messages (a bad pattern), at most about 10,000 characters. */
  stderr: string;
  /** Paths (as ripgrep printed them) that gave "Permission denied" or "Operation not permitted". */
  unreadable: string[];
}

/**
 * "<path>: Permission denied (os error 13)", or "<path>: IO error for operation on <path>: Permission
 * denied (os error 13)" for a folder named as the target; with "rg: " in front since ripgrep 14.
 */
const PERMISSION_MESSAGE =
  /^(?:rg: )?(.+?)(?:: IO error for operation on .+)?: (?:Permission denied \(os error 13\)|Operation not permitted \(os error 1\))$/;
/** Messages --no-messages used to hide and the JS walk has no counterpart for. */
const OTHER_NOTICE = /^(?:rg: )?(?:.+: .+ \(os error \d+\)$|No files were searched, |Running with --debug )/;

/** Spawns ripgrep (no shell) and streams its records. Rejects with the signal's reason on abort. */
export function runRipgrep(run: RipgrepRun): Promise<RipgrepExit> {
  run.signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, run.args, { stdio: ["ignore", "pipe", "pipe"], signal: run.signal });
    let pending = "";
    let pendingMessage = "";
    let stderr = "";
    const unreadable: string[] = [];
    const onMessage = (line: string) => {
      const denied = PERMISSION_MESSAGE.exec(line);
      if (denied) unreadable.push(denied[1]!);
      else if (!OTHER_NOTICE.test(line) && stderr.length < 10_000) stderr += `${line}\n`;
    };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const records = (pending + chunk).split(run.separator);
      pending = records.pop() ?? "";
      for (const record of records) run.onRecord(record);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pendingMessage + chunk).split("\n");
      pendingMessage = lines.pop() ?? "";
      for (const line of lines) onMessage(line);
    });
    child.once("error", (error) => reject(run.signal.aborted ? run.signal.reason : error));
    child.once("close", (code) => {
      if (run.signal.aborted) return reject(run.signal.reason);
      if (pending !== "") run.onRecord(pending);
      if (pendingMessage !== "") onMessage(pendingMessage);
      resolve({ code, stderr, unreadable });
    });
  });
}
