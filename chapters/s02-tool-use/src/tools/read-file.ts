// `read_file`: numbered lines of a text file, paged with offset/limit and kept under the output cap.
import { stat } from "node:fs/promises";
import { formatCount } from "@lcc/chapter-kit";
import { MAX_TOOL_OUTPUT_CHARS } from "@lcc/s01";
import { z } from "zod";
import { defineTool, ToolError } from "../tool.ts";
import { resolveInWorkspace } from "../workspace-path.ts";
import { readLineWindow } from "./line-window.ts";

export const DEFAULT_READ_LIMIT = 2000;
const MAX_LINE_CHARS = 2000;
/** Room kept for the paging hint and the UTF-8 note under the character budget. */
const HINT_ROOM_CHARS = 400;

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
    concurrencySafe: true,
    async run({ path, offset = 1, limit = DEFAULT_READ_LIMIT }, { workspace, signal, allowedRoots }) {
      const absolute = await resolveInWorkspace(workspace, path, allowedRoots);
      const stats = await stat(absolute).catch((error: unknown) => {
        throw readFailure(error, path);
      });
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
      }).catch((error: unknown) => {
        signal.throwIfAborted();
        throw readFailure(error, path);
      });
      if (window.binary)
        throw new ToolError(
          `${path} looks like a binary file (it has NUL bytes); read_file reads text only. Inspect it with bash ` +
            `(e.g. \`file ${path}\` or \`xxd ${path} | head\`).`,
        );
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
      const note = window.invalidUtf8
        ? `\n[${path} is not valid UTF-8 text: bytes that are not UTF-8 show as \uFFFD. edit_file will refuse ` +
          "to edit it; use bash (e.g. iconv) for such files.]"
        : "";
      return {
        content: numbered.join("\n") + more + note,
        details: {
          path,
          totalLines,
          from: offset,
          to: last,
          ...(window.invalidUtf8 ? { invalidUtf8: true } : {}),
        },
      };
    },
  });
}

/**
 * The error the model reads when `path` cannot be opened: not found, permission denied, a directory
 * in the way, or else the system's error code. Anything that is not a system error is returned as is.
 */
function readFailure(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return error;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new ToolError(`File not found: ${path}. Check the path (bash \`ls\` lists a folder).`);
  if (code === "EACCES" || code === "EPERM")
    return new ToolError(
      `Permission denied: ${path} (or a folder above it) cannot be read by this user. Check with bash \`ls -l\`.`,
    );
  if (code === "EISDIR") return new ToolError(`${path} is a directory. Use bash \`ls ${path}\` to list it.`);
  return new ToolError(`Cannot read ${path}: ${code}.`);
}
