// Runs git for the lane manager: always an argument array (execFile, no shell), a timeout, no prompt,
// and with the repository's hooks and fsmonitor switched off: creating or inspecting a lane must not run
// code a repository configured (a post-checkout hook would run on every `git worktree add`).
import { execFile } from "node:child_process";
import { WorktreeError } from "./worktree-error.ts";

/** How long one git command may run by default (a checkout of a large tree is the slow case). */
export const DEFAULT_GIT_TIMEOUT_MS = 120_000;

/** Settings put before every subcommand (`git -c … <subcommand>`). */
export const SAFE_GIT_CONFIG: readonly string[] = [
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "core.fsmonitor=false",
];

/** Variables that would point git at another repository than the one in `cwd`. */
const REPOSITORY_ENV_NAMES = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_COMMON_DIR",
  "GIT_OBJECT_DIRECTORY",
  "GIT_NAMESPACE",
  "GIT_CEILING_DIRECTORIES",
];

/** git exited non-zero; `stderr` is its own explanation. */
export class GitCommandError extends WorktreeError {
  override name = "GitCommandError";
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} failed: ${stderr.trim() || `exit code ${exitCode}`}`);
  }
}

export interface GitOptions {
  cwd: string;
  timeoutMs?: number;
  /** The environment git sees (default process.env), without the repository-selecting variables. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs `git <SAFE_GIT_CONFIG> <args>` in `cwd` and returns its stdout. Throws GitCommandError when git
 * exits non-zero or times out (killed), WorktreeError when git cannot be started. `args` are passed as
 * they are: callers keep anything the model wrote after `--end-of-options` or checked beforehand.
 */
export function runGit(args: readonly string[], options: GitOptions): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  for (const name of REPOSITORY_ENV_NAMES) delete env[name];
  const timeout = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      [...SAFE_GIT_CONFIG, ...args],
      { cwd: options.cwd, env, timeout, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const { code, killed } = error as NodeJS.ErrnoException & { killed?: boolean };
        if (code === "ENOENT")
          return reject(
            new WorktreeError(
              `git could not be started in ${options.cwd} (git not installed, or the folder is gone).`,
            ),
          );
        const why = killed ? `timed out after ${timeout / 1000} s and was stopped` : stderr;
        reject(new GitCommandError(args, typeof code === "number" ? code : null, why));
      },
    );
  });
}
