// `!cmd` at the prompt: the user's own shell command, run in the workspace through s01's runShell (its own
// process group, killed as a whole on abort or timeout, output capped), and the context it adds to the chat.
import { DEFAULT_SHELL_TIMEOUT_MS, runShell, withoutHarnessSecrets } from "@lcc/s01";

/** Characters of output kept (head and tail, with a marker in between). */
export const USER_SHELL_MAX_CHARS = 30_000;

/** Options of {@link runUserShell}. */
export interface UserShellOptions {
  workspace: string;
  /** Default process.env; the harness's secrets (API key, LCC_SECRET_ENV names) are removed either way. */
  env?: NodeJS.ProcessEnv;
  /** Aborting kills the command's whole process group. */
  signal?: AbortSignal;
  /** Default s01's DEFAULT_SHELL_TIMEOUT_MS (2 minutes); then the group is killed. */
  timeoutMs?: number;
}

/** What a `!cmd` did. */
export interface UserShellResult {
  /** stdout and stderr as they arrived, capped, safe to print: colours kept, cursor movement removed. */
  output: string;
  /** null when it was killed (interrupted, timed out) or could not start. */
  exitCode: number | null;
  /** The signal aborted it. */
  interrupted: boolean;
  timedOut: boolean;
}

/**
 * Runs `command` with the user's shell (`$SHELL -c`, bash when unset) in the workspace, stdin closed, as
 * the leader of a new process group: an abort or the timeout kills the group, and whatever it left
 * running in the background dies when it exits. Never rejects.
 */
export async function runUserShell(command: string, options: UserShellOptions): Promise<UserShellResult> {
  const run = await runShell(command, {
    cwd: options.workspace,
    env: withoutHarnessSecrets(options.env ?? process.env),
    timeoutMs: options.timeoutMs ?? DEFAULT_SHELL_TIMEOUT_MS,
    maxChars: USER_SHELL_MAX_CHARS,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    output: printable(run.output),
    exitCode: run.exitCode,
    interrupted: run.aborted,
    timedOut: run.timedOut,
  };
}

/**
 * The text that rides with the next message, as Claude Code's bash mode writes it:
 * `<bash-input>cmd</bash-input>` then `<bash-stdout>output</bash-stdout>` (colours removed), then a
 * `<bash-status>` line unless it exited 0.
 */
export function shellContext(command: string, result: UserShellResult): string {
  const output = result.output.replace(/\x1b\[[0-9;:]*m/g, "").replace(/\n+$/, "");
  const status = result.interrupted
    ? "interrupted by the user"
    : result.timedOut
      ? "killed at the timeout"
      : result.exitCode === 0
        ? undefined
        : `exit code ${result.exitCode ?? "none"}`;
  const lines = [`<bash-input>${command}</bash-input>`, `<bash-stdout>${output}</bash-stdout>`];
  if (status) lines.push(`<bash-status>${status}</bash-status>`);
  return lines.join("\n");
}

/**
 * Output fit for the transcript: colour codes (SGR) kept; other escape sequences (cursor movement, screen
 * clearing, titles) and control characters removed; CR LF made LF; a line redrawn with CR (a progress bar)
 * keeps its last state.
 */
export function printable(output: string): string {
  return output
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, "") // OSC: titles, hyperlinks
    .replace(/\x1b\[[0-9;:?<>=]*[ -/]*([@-~])/g, (sequence, final: string) => (final === "m" ? sequence : ""))
    .replace(/\x1b[ -/]*[0-Z\\-~]/g, "") // other escapes: ESC 7, ESC ( B …
    .replace(/\x1b(?!\[)/g, "")
    .split("\n")
    .map((line) => {
      const drawn = line.replace(/\r+$/, "");
      return drawn.slice(drawn.lastIndexOf("\r") + 1);
    })
    .join("\n")
    .replace(/[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f]/g, "");
}
