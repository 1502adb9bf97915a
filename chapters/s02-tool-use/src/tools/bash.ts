// `bash` on the tool contract: s01's shell tool behind a zod schema.
import {
  DEFAULT_SHELL_TIMEOUT_MS,
  formatCount,
  MAX_SHELL_TIMEOUT_MS,
  MAX_TOOL_OUTPUT_CHARS,
  runBashTool,
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

/** `maxOutputChars` (default 50,000) bounds the output the tool returns (s06 raises it and saves long output). */
export function createBashTool(options: { maxOutputChars?: number } = {}) {
  return defineTool({
    name: "bash",
    description:
      "Run a shell command in the workspace; returns combined stdout+stderr and the exit code. " +
      `Default timeout ${DEFAULT_SHELL_TIMEOUT_MS / 1000} s, max ${MAX_SHELL_TIMEOUT_MS / 1000} s. ` +
      `Output over ${formatCount(MAX_TOOL_OUTPUT_CHARS)} characters keeps its head and tail, so filter long output ` +
      "(grep, head, tail). Processes left running in the background (&) are stopped when the command ends. " +
      "Prefer read_file/edit_file for files. sudo, rm -rf /, shutdown and raw-device writes are refused.",
    input: bashInput,
    async run(input, { workspace, signal }) {
      const result = await runBashTool(input, workspace, signal, options);
      return { content: result.text, isError: result.isError };
    },
  });
}
