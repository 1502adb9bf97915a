// `edit_file`: replace an exact, unique piece of text; everything else in the file stays byte-for-byte.
import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import { writeFileAtomic } from "../atomic-write.ts";
import { defineTool, ToolError } from "../tool.ts";
import { resolveInWorkspace } from "../workspace-path.ts";

export const editFileInput = z.object({
  path: z.string().min(1).describe("File path, relative to the workspace."),
  old_text: z.string().min(1).describe("Exact text to replace, including whitespace."),
  new_text: z.string().describe("Replacement text."),
  replace_all: z.boolean().optional().describe("Replace every occurrence instead of requiring exactly one."),
});

export function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (
    let index = haystack.indexOf(needle);
    index !== -1;
    index = haystack.indexOf(needle, index + needle.length)
  )
    count++;
  return count;
}

export function createEditFileTool() {
  return defineTool({
    name: "edit_file",
    description:
      "Replace old_text with new_text in a file. old_text must match exactly (whitespace included) and occur " +
      "exactly once, unless replace_all is true. Read the file first; include enough surrounding lines to be unique.",
    input: editFileInput,
    async run({ path, old_text, new_text, replace_all }, { workspace }) {
      const absolute = await resolveInWorkspace(workspace, path);
      const stats = await stat(absolute).catch(() => undefined);
      if (!stats?.isFile())
        throw new ToolError(`File not found: ${path}. Use write_file to create a new file.`);
      const original = await readFile(absolute, "utf8");
      let search = old_text;
      let replacement = new_text;
      // A model usually writes "\n"; in a CRLF file the same text is stored with "\r\n".
      if (!original.includes(search) && original.includes("\r\n") && search.includes("\n")) {
        search = toCrlf(search);
        replacement = toCrlf(replacement);
      }
      const count = countOccurrences(original, search);
      if (count === 0) {
        throw new ToolError(
          `old_text was not found in ${path}. Read the file again and copy the exact text, including indentation.`,
        );
      }
      if (count > 1 && !replace_all) {
        throw new ToolError(
          `old_text occurs ${count} times in ${path}. Include more surrounding lines so it is unique, or set replace_all: true.`,
        );
      }
      // split/join, not String.replace: "$&" or "$1" in new_text must stay literal.
      const updated = original.split(search).join(replacement);
      await writeFileAtomic(absolute, updated);
      const replaced = replace_all ? count : 1;
      return {
        content: `Edited ${path}: ${replaced} replacement${replaced === 1 ? "" : "s"}.`,
        details: { path, replacements: replaced },
      };
    },
  });
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}
