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
      "Replace old_text with new_text in a file. old_text must match exactly (whitespace included; a line break " +
      "matches \\n or \\r\\n) and occur exactly once, unless replace_all is true. Read the file first; include " +
      "enough surrounding lines to be unique. Line breaks outside old_text are kept as they are.",
    input: editFileInput,
    destructive: true,
    async run({ path, old_text, new_text, replace_all }, { workspace, allowedRoots }) {
      const absolute = await resolveInWorkspace(workspace, path, allowedRoots);
      const stats = await stat(absolute).catch(() => undefined);
      if (!stats) throw new ToolError(`File not found: ${path}. Use write_file to create a new file.`);
      if (!stats.isFile()) throw new ToolError(`${path} is not a regular file; edit_file edits files.`);
      const original = decodeUtf8(await readFile(absolute), path);
      const occurrences = findOccurrences(original, old_text);
      const count = occurrences.length;
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
      // A model writes "\n": a file whose breaks are all "\r\n" keeps that style. In any other file the
      // new text's breaks stay as written, and breaks outside the replaced text are never touched.
      const replacement = hasOnlyCrlfLineBreaks(original) ? toCrlf(new_text) : new_text;
      await writeFileAtomic(absolute, replaceSpans(original, occurrences, replacement));
      const replaced = replace_all ? count : 1;
      return {
        content: `Edited ${path}: ${replaced} replacement${replaced === 1 ? "" : "s"}.`,
        details: { path, replacements: replaced },
      };
    },
  });
}

/** A piece of text found in a file: `start` inclusive, `end` exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Non-overlapping occurrences of a non-empty `needle` in `text`, in order: the exact ones, or, when
 * there are none and `needle` spans lines, those where each of its line breaks matches "\n" or "\r\n"
 * in `text` (a model copies "\r\n" lines as "\n"; a file may mix both).
 */
export function findOccurrences(text: string, needle: string): TextSpan[] {
  const exact: TextSpan[] = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length))
    exact.push({ start: index, end: index + needle.length });
  if (exact.length > 0 || !needle.includes("\n")) return exact;
  const pattern = new RegExp(needle.split(/\r?\n/).map(escapeRegExp).join("\\r?\\n"), "g");
  return [...text.matchAll(pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** `text` with each span (in order, non-overlapping) replaced by `replacement`, literally. */
function replaceSpans(text: string, spans: readonly TextSpan[], replacement: string): string {
  const parts: string[] = [];
  let from = 0;
  for (const span of spans) {
    parts.push(text.slice(from, span.start), replacement);
    from = span.end;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/** True when the text has line breaks and every one of them is "\r\n". */
function hasOnlyCrlfLineBreaks(text: string): boolean {
  return text.includes("\r\n") && !/(^|[^\r])\n/.test(text);
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
