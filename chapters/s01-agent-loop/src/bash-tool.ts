// The one tool of s01: `bash`, described for the model and executed through runShell.
import type Anthropic from "@anthropic-ai/sdk";
import { formatCount } from "@lcc/chapter-kit";
import { capOutput, MAX_TOOL_OUTPUT_CHARS } from "./cap-output.ts";
import { deniedReason } from "./dangerous-commands.ts";
import {
  DEFAULT_SHELL_TIMEOUT_MS,
  MAX_SHELL_TIMEOUT_MS,
  runShell,
  type ShellHandoff,
  type ShellRun,
} from "./run-shell.ts";

/** What the model sees of the bash tool: a hand-written schema (s02 derives schemas from zod). */
export const BASH_TOOL: Anthropic.Tool = {
  name: "bash",
  description:
    "Run a shell command in the workspace and return its combined stdout and stderr plus the exit code. " +
    `Default timeout ${DEFAULT_SHELL_TIMEOUT_MS / 1000} s, maximum ${MAX_SHELL_TIMEOUT_MS / 1000} s (timeout_ms). ` +
    `Output over ${formatCount(MAX_TOOL_OUTPUT_CHARS)} characters keeps its head and tail: pipe through head/tail/grep to see less. ` +
    "Processes left running in the background (&) are stopped when the command ends. " +
    "Commands such as sudo, rm -rf /, shutdown or writes to raw devices are refused.",
  input_schema: {
    type: "object",
    properties: {
      command: { type: "string", description: "The command line to run." },
      timeout_ms: { type: "integer", description: `Timeout in milliseconds (max ${MAX_SHELL_TIMEOUT_MS}).` },
    },
    required: ["command"],
  },
};

export interface BashResult {
  text: string;
  isError: boolean;
  /** The finished run (absent when the command was refused before it started). */
  run?: ShellRun;
}

/** Formats a finished shell run the way the model reads it; output is capped at `maxChars`. */
export function describeShellRun(
  run: ShellRun,
  timeoutMs: number,
  maxChars = MAX_TOOL_OUTPUT_CHARS,
): BashResult {
  const output = capOutput(run.output.trimEnd(), maxChars);
  if (run.handedOff)
    return { text: `${output || "(no output yet)"}\n[${run.handedOff.note}]`, isError: false };
  if (run.aborted)
    return { text: `${output}\n[interrupted by user; process group killed]`.trim(), isError: true };
  if (run.timedOut) {
    return {
      text: `${output}\n[timed out after ${timeoutMs} ms; process group killed. Raise timeout_ms (max ${MAX_SHELL_TIMEOUT_MS}) if it needs longer]`.trim(),
      isError: true,
    };
  }
  const status = run.exitCode === null ? `killed by ${run.signal}` : `exit code ${run.exitCode}`;
  return { text: `${output || "(no output)"}\n[${status}]`, isError: run.exitCode !== 0 };
}

/**
 * Runs the bash tool for s01's loop. Never throws. `maxOutputChars` (default 50,000) bounds the
 * output kept; a later chapter raises it when it saves long output to a file instead. `handoff`
 * (s13) takes a command past its timeout, or a server, instead of it being killed.
 */
export async function runBashTool(
  input: unknown,
  cwd: string,
  signal: AbortSignal,
  options: { maxOutputChars?: number; handoff?: ShellHandoff } = {},
): Promise<BashResult> {
  const maxChars = options.maxOutputChars ?? MAX_TOOL_OUTPUT_CHARS;
  const { command, timeout_ms: timeoutMs } = (input ?? {}) as { command?: unknown; timeout_ms?: unknown };
  if (typeof command !== "string" || command.trim() === "") {
    return { text: "Invalid input: `command` must be a non-empty string.", isError: true };
  }
  const reason = deniedReason(command);
  if (reason)
    return { text: `Refused: ${reason}. Find a safer command that does what you need.`, isError: true };
  const timeout = typeof timeoutMs === "number" && timeoutMs > 0 ? timeoutMs : DEFAULT_SHELL_TIMEOUT_MS;
  const handoff = options.handoff ? { handoff: options.handoff } : {};
  const run = await runShell(command, { cwd, timeoutMs: timeout, signal, maxChars, ...handoff });
  return { ...describeShellRun(run, Math.min(timeout, MAX_SHELL_TIMEOUT_MS), maxChars), run };
}
