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

/** Non-overlapping occurrences of a non-empty `needle`, counted the way split/join replaces them. */
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

/** `edit_file`: exact, unique replacement; refuses files that are not UTF-8 text rather than corrupt them. */
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
      if (!stats) throw new ToolError(`File not found: ${path}. Use write_file to create a new file.`);
      if (!stats.isFile()) throw new ToolError(`${path} is not a regular file; edit_file edits files.`);
      const original = decodeUtf8(await readFile(absolute), path);
      // A model writes "\n". In a file with CRLF line breaks the old text is looked up, and the new
      // text written, with "\r\n", so the file keeps its line-break style.
      const search = !original.includes(old_text) && original.includes("\r\n") ? toCrlf(old_text) : old_text;
      const replacement = search !== old_text || hasCrlfLineBreaks(original) ? toCrlf(new_text) : new_text;
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

/** True when the file's first line break is "\r\n". */
function hasCrlfLineBreaks(text: string): boolean {
  return text[text.indexOf("\n") - 1] === "\r";
}

/**
 * The file's text. Anything that is not valid UTF-8 is refused: decoding would replace the invalid
 * bytes, and writing back would corrupt the whole file, not just the edited text. A BOM is kept.
 */
function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ToolError(
      `${path} is not valid UTF-8 text, so edit_file cannot keep the rest of it unchanged. Edit it with bash instead.`,
    );
  }
}
