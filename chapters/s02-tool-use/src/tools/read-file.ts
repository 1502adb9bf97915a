// `read_file`: numbered lines of a text file, paged with offset/limit.
import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import { defineTool, ToolError } from "../tool.ts";
import { resolveInWorkspace } from "../workspace-path.ts";

export const DEFAULT_READ_LIMIT = 2000;
const MAX_LINE_CHARS = 2000;

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

export function createReadFileTool() {
  return defineTool({
    name: "read_file",
    description:
      `Read a text file in the workspace. Returns numbered lines (up to ${DEFAULT_READ_LIMIT} by default; lines over ` +
      `${MAX_LINE_CHARS} characters are shortened). For long files the result says which offset reads the next page.`,
    input: readFileInput,
    readOnly: true,
    async run({ path, offset = 1, limit = DEFAULT_READ_LIMIT }, { workspace }) {
      const absolute = await resolveInWorkspace(workspace, path);
      const stats = await stat(absolute).catch(() => undefined);
      if (!stats)
        throw new ToolError(`File not found: ${path}. Check the path (bash \`ls\` lists a folder).`);
      if (stats.isDirectory())
        throw new ToolError(`${path} is a directory. Use bash \`ls ${path}\` to list it.`);
      const buffer = await readFile(absolute);
      if (buffer.subarray(0, 8000).includes(0))
        throw new ToolError(`${path} looks like a binary file; read_file reads text only.`);
      const lines = buffer.toString("utf8").split("\n");
      if (lines.at(-1) === "") lines.pop();
      if (lines.length === 0) return { content: `(${path} is empty)`, details: { path, totalLines: 0 } };
      if (offset > lines.length) {
        throw new ToolError(`offset ${offset} is past the end of ${path}, which has ${lines.length} lines.`);
      }
      const slice = lines.slice(offset - 1, offset - 1 + limit);
      const numbered = slice.map((line, index) => {
        const shown =
          line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… [line shortened]` : line;
        return `${String(offset + index).padStart(6)}\t${shown}`;
      });
      const last = offset + slice.length - 1;
      const more =
        last < lines.length
          ? `\n[Showing lines ${offset}-${last} of ${lines.length}. Call read_file with offset ${last + 1} to continue.]`
          : "";
      return {
        content: numbered.join("\n") + more,
        details: { path, totalLines: lines.length, from: offset, to: last },
      };
    },
  });
}
