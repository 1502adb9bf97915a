// `read_file`: numbered lines of a text file, paged with offset/limit and kept under the output cap.
import { stat } from "node:fs/promises";
import { formatCount, MAX_TOOL_OUTPUT_CHARS } from "@lcc/s01";
import { z } from "zod";
import { defineTool, ToolError } from "../tool.ts";
import { resolveInWorkspace } from "../workspace-path.ts";
import { readLineWindow } from "./line-window.ts";

export const DEFAULT_READ_LIMIT = 2000;
const MAX_LINE_CHARS = 2000;
/** Room kept for the paging hint under the character budget. */
const HINT_ROOM_CHARS = 200;

export const readFileInput = z.object({
  path: z.string().min(1).describe("File path, relative to the workspace."),
  offset: z.number().int().min(1).optional().describe("1-based line to start from (default 1)."),
  limit: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(`Number of lines to read (default ${DEFAULT_READ_LIMIT}).`),
});

/**
 * `maxOutputChars` (default 50,000, the output cap) bounds one page: lines stop before the page would
 * exceed it, and the hint says where to continue, so the cap never cuts lines out of the middle.
 */
export function createReadFileTool(options: { maxOutputChars?: number } = {}) {
  const maxOutputChars = options.maxOutputChars ?? MAX_TOOL_OUTPUT_CHARS;
  const budget = Math.max(1, maxOutputChars - HINT_ROOM_CHARS);
  return defineTool({
    name: "read_file",
    description:
      `Read a text file in the workspace. Returns numbered lines: up to ${DEFAULT_READ_LIMIT} lines (limit) and ` +
      `${formatCount(maxOutputChars)} characters per call; lines over ${MAX_LINE_CHARS} characters are shortened. ` +
      "When more remains, the result ends with the offset that reads the next page.",
    input: readFileInput,
    readOnly: true,
    async run({ path, offset = 1, limit = DEFAULT_READ_LIMIT }, { workspace, signal }) {
      const absolute = await resolveInWorkspace(workspace, path);
      const stats = await stat(absolute).catch(() => undefined);
      if (!stats)
        throw new ToolError(`File not found: ${path}. Check the path (bash \`ls\` lists a folder).`);
      if (stats.isDirectory())
        throw new ToolError(`${path} is a directory. Use bash \`ls ${path}\` to list it.`);
      if (!stats.isFile()) throw new ToolError(`${path} is not a regular file; read_file reads files.`);
      // A numbered line takes at least 8 characters ("     1\t" and "\n"): a page never holds more lines.
      const pageLimit = Math.min(limit, Math.ceil(budget / 8));
      const window = await readLineWindow(absolute, {
        offset,
        limit: pageLimit,
        maxLineChars: MAX_LINE_CHARS,
        signal,
      });
      if (window.binary) throw new ToolError(`${path} looks like a binary file; read_file reads text only.`);
      const { totalLines } = window;
      if (totalLines === 0) return { content: `(${path} is empty)`, details: { path, totalLines: 0 } };
      if (offset > totalLines) {
        throw new ToolError(`offset ${offset} is past the end of ${path}, which has ${totalLines} lines.`);
      }
      const numbered: string[] = [];
      let used = 0;
      for (const [index, line] of window.lines.entries()) {
        const entry = `${String(offset + index).padStart(6)}\t${line}`;
        if (numbered.length > 0 && used + entry.length + 1 > budget) break;
        numbered.push(entry);
        used += entry.length + 1;
      }
      const last = offset + numbered.length - 1;
      const more =
        last < totalLines
          ? `\n[Showing lines ${offset}-${last} of ${totalLines}. Call read_file with offset ${last + 1} to continue.]`
          : "";
      return {
        content: numbered.join("\n") + more,
        details: { path, totalLines, from: offset, to: last },
      };
    },
  });
}
