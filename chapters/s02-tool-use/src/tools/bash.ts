// `bash` on the tool contract: s01's shell tool behind a zod schema, with typed details for the UI.
import { formatCount } from "@lcc/chapter-kit";
import {
  DEFAULT_SHELL_TIMEOUT_MS,
  type HandoffReason,
  MAX_SHELL_TIMEOUT_MS,
  MAX_TOOL_OUTPUT_CHARS,
  runBashTool,
  type ShellHandoff,
} from "@lcc/s01";
import { z } from "zod";
import { defineTool } from "../tool.ts";

export const bashInput = z.object({
  command: z.string().min(1).describe("The command line to run through the user's shell."),
  timeout_ms: z
    .number()
    .int()
    .positive()
    .max(MAX_SHELL_TIMEOUT_MS)
    .optional()
    .describe(`Timeout in milliseconds (default ${DEFAULT_SHELL_TIMEOUT_MS}, max ${MAX_SHELL_TIMEOUT_MS}).`),
});

/** What the UI, logs and tests read about a bash call (never its text). */
export interface BashDetails {
  /** null when the command was killed by a signal or refused before it ran. */
  exitCode: number | null;
  timedOut: boolean;
  interrupted: boolean;
  /** Characters dropped from the middle of the output. */
  droppedChars: number;
  /** Set when the command was moved to the background still running (s13), and why. */
  handedOff?: HandoffReason;
}

/** How the tool treats long output: capped (s02), or kept up to a bound and saved to a file past a size (s06). */
export interface BashOutputOptions {
  /** Characters kept (head and tail) in what the tool returns. Default 50,000. */
  maxOutputChars?: number;
  /** Set when a later phase saves outputs over this size to a file (s06): the description says so. */
  savedOverChars?: number;
  /** s13: a command past its timeout, or a server, is handed to this instead of killed. */
  handoff?: ShellHandoff;
}

export function createBashTool(options: BashOutputOptions = {}) {
  const overflow =
    options.savedOverChars === undefined
      ? `Output over ${formatCount(options.maxOutputChars ?? MAX_TOOL_OUTPUT_CHARS)} characters keeps its head and tail, so filter long output (grep, head, tail).`
      : `Output over ${formatCount(options.savedOverChars)} characters is saved to a file; you get a preview and the path.`;
  const handoffNote = options.handoff
    ? "A command still running at its timeout, or a server that says it is listening, is moved to the background instead of killed; the result names it. "
    : "";
  return defineTool({
    name: "bash",
    description:
      "Run a shell command in the workspace; returns combined stdout+stderr and the exit code. " +
      `Default timeout ${DEFAULT_SHELL_TIMEOUT_MS / 1000} s, max ${MAX_SHELL_TIMEOUT_MS / 1000} s. ${overflow} ` +
      "Processes left running in the background (&) are stopped when the command ends. " +
      handoffNote +
      "Prefer read_file/edit_file for files. sudo, rm -rf /, shutdown and raw-device writes are refused.",
    input: bashInput,
    destructive: true,
    async run(input, { workspace, signal }) {
      const maxOutputChars = options.maxOutputChars ?? MAX_TOOL_OUTPUT_CHARS;
      const handoff = options.handoff ? { handoff: options.handoff } : {};
      const result = await runBashTool(input, workspace, signal, { maxOutputChars, ...handoff });
      const details: BashDetails = {
        exitCode: result.run?.exitCode ?? null,
        timedOut: result.run?.timedOut ?? false,
        interrupted: result.run?.aborted ?? false,
        droppedChars: result.run?.droppedChars ?? 0,
        ...(result.run?.handedOff ? { handedOff: result.run.handedOff.reason } : {}),
      };
      return { content: result.text, isError: result.isError, interrupted: details.interrupted, details };
    },
  });
}
