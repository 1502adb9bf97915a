// `grep`: search file contents with a regular expression (ripgrep or the JS walk), three output
// modes modelled on Claude Code's Grep, results capped with a note on how to narrow them.
import { stat } from "node:fs/promises";
import { relative } from "node:path";
import { defineTool, resolveInWorkspace, ToolError } from "@lcc/s02";
import { z } from "zod";
import type { GrepLine, GrepMode, GrepOutcome } from "./file-search.ts";
import { createGlobFilter, fileNameGlob } from "./glob-pattern.ts";
import { createFileSearchPicker, type FileSearchOptions } from "./pick-file-search.ts";
import {
  leftOutNote,
  shortenLine,
  showUnreadable,
  sortNewestFirst,
  unreadableNote,
} from "./search-output.ts";

/** Default caps: files or count entries, and content lines. */
export const DEFAULT_GREP_ENTRIES = 100;
export const DEFAULT_GREP_LINES = 250;

export const grepInput = z.object({
  pattern: z
    .string()
    .min(1)
    .describe('Regular expression (ripgrep syntax), e.g. "TODO|FIXME", "function\\s+\\w+".'),
  path: z
    .string()
    .min(1)
    .optional()
    .describe("File or folder to search, relative to the workspace (default: all)."),
  glob: z
    .string()
    .min(1)
    .optional()
    .describe('Only files matching this glob: "*.ts", "*.{ts,tsx}", "src/**/*.py".'),
  case_insensitive: z.boolean().optional().describe("Ignore case (default false)."),
  output_mode: z
    .enum(["files_with_matches", "content", "count"])
    .optional()
    .describe(
      "files_with_matches (default): paths, newest first; content: path:line:text; count: lines per file.",
    ),
  context: z
    .number()
    .int()
    .min(0)
    .max(20)
    .optional()
    .describe("content mode: lines shown around each match."),
  head_limit: z
    .number()
    .int()
    .min(1)
    .max(5000)
    .optional()
    .describe(
      `Show at most this many (default ${DEFAULT_GREP_ENTRIES} files/entries, ${DEFAULT_GREP_LINES} lines).`,
    ),
});

/** Typed result data for the UI and tests. */
export interface GrepDetails {
  implementation: "ripgrep" | "javascript";
  mode: GrepMode;
  totalFiles: number;
  /** content: output lines; count: matching lines; files_with_matches: files. */
  totalEntries: number;
  shownEntries: number;
  /** Folders and files it was not allowed to read (workspace-relative, folders ending in "/"). */
  unreadable: string[];
}

/** The grep tool; `implementation: "javascript"` forces the fallback (tests, sandboxes). */
export function createGrepTool(options: FileSearchOptions = {}) {
  const pickSearch = createFileSearchPicker(options);
  return defineTool({
    name: "grep",
    description:
      "Search file contents with a regular expression (ripgrep syntax; one line at a time). Honours .gitignore " +
      "and skips .git, .lcc, node_modules and binary files. output_mode files_with_matches (default) lists paths " +
      "newest first; content shows path:line:text with optional context lines; count gives matching lines per " +
      `file. Capped at head_limit (default ${DEFAULT_GREP_ENTRIES} files/entries, ${DEFAULT_GREP_LINES} lines); ` +
      "narrow with path, glob or a more specific pattern. Prefer it to grep/rg through bash.",
    input: grepInput,
    readOnly: true,
    async run(input, { workspace, signal }) {
      const mode = input.output_mode ?? "files_with_matches";
      const limit = input.head_limit ?? (mode === "content" ? DEFAULT_GREP_LINES : DEFAULT_GREP_ENTRIES);
      const path = input.path ?? ".";
      const target = await resolveInWorkspace(workspace, path);
      const stats = await stat(target).catch(() => undefined);
      if (!stats) throw new ToolError(`Path not found: ${path}. Use glob to find the right path.`);
      const filter = stats.isDirectory() && input.glob ? createGlobFilter(input.glob) : undefined;
      const hint =
        filter && input.glob ? (input.glob.includes("/") ? fileNameGlob(input.glob) : input.glob) : undefined;
      const search = await pickSearch();
      const outcome = await search.grep({
        target,
        pattern: input.pattern,
        caseInsensitive: input.case_insensitive ?? false,
        mode,
        context: input.context ?? 0,
        includeFile: filter ? (file) => filter(relative(target, file)) : () => true,
        keepLines: limit,
        signal,
        ...(hint ? { fileNameHint: hint } : {}),
      });
      const shape = await shapeOutcome(outcome, { limit, context: input.context ?? 0, workspace, signal });
      const unreadable = showUnreadable(outcome.unreadable, (file) => relative(workspace, file));
      const details: GrepDetails = {
        implementation: search.implementation,
        mode,
        ...shape.counts,
        unreadable,
      };
      const skipped = unreadableNote(unreadable);
      if (shape.counts.totalEntries === 0)
        return { content: noMatches(input.pattern, path, input.glob) + skipped, details };
      return { content: shape.text + skipped, details };
    },
  });
}

interface ShapeOptions {
  limit: number;
  context: number;
  workspace: string;
  signal: AbortSignal;
}

interface Shaped {
  text: string;
  counts: Pick<GrepDetails, "totalFiles" | "totalEntries" | "shownEntries">;
}

const NARROW = "path, glob or a more specific pattern (or change head_limit)";

async function shapeOutcome(outcome: GrepOutcome, options: ShapeOptions): Promise<Shaped> {
  const show = (file: string) => relative(options.workspace, file);
  if (outcome.mode === "files_with_matches") {
    const sorted = await sortNewestFirst(outcome.files, options.signal);
    const shown = sorted.slice(0, options.limit).map(show);
    const header = `Found ${sorted.length} ${sorted.length === 1 ? "file" : "files"}\n`;
    const note = leftOutNote(sorted.length, shown.length, "files", NARROW);
    const counts = { totalFiles: sorted.length, totalEntries: sorted.length, shownEntries: shown.length };
    return { text: header + shown.join("\n") + note, counts };
  }
  if (outcome.mode === "count") {
    const total = outcome.counts.reduce((sum, entry) => sum + entry.count, 0);
    const shown = outcome.counts.slice(0, options.limit).map((entry) => `${show(entry.path)}:${entry.count}`);
    const summary = `\n\nFound ${total} matching lines in ${outcome.counts.length} files.`;
    const note = leftOutNote(outcome.counts.length, shown.length, "files", NARROW);
    const counts = { totalFiles: outcome.counts.length, totalEntries: total, shownEntries: shown.length };
    return { text: shown.join("\n") + summary + note, counts };
  }
  const text = formatContentLines(outcome.lines, options.context, show);
  const note = leftOutNote(outcome.totalLines, outcome.lines.length, "lines", NARROW);
  const counts = {
    totalFiles: outcome.totalFiles,
    totalEntries: outcome.totalLines,
    shownEntries: outcome.lines.length,
  };
  return { text: text + note, counts };
}

/** `path:12:text` for matches, `path-13-text` for context, `--` between separate groups (as grep -C). */
export function formatContentLines(
  lines: readonly GrepLine[],
  context: number,
  show: (path: string) => string,
): string {
  const out: string[] = [];
  let previous: GrepLine | undefined;
  for (const line of lines) {
    const separate = previous && (previous.path !== line.path || previous.number + 1 !== line.number);
    if (context > 0 && separate) out.push("--");
    out.push(
      `${show(line.path)}${line.isMatch ? ":" : "-"}${line.number}${line.isMatch ? ":" : "-"}${shortenLine(line.text)}`,
    );
    previous = line;
  }
  return out.join("\n");
}

function noMatches(pattern: string, path: string, glob: string | undefined): string {
  const folder = path === "." ? "the workspace" : path;
  const where = glob ? `${folder} (files matching ${glob})` : folder;
  return `No matches for ${JSON.stringify(pattern)} in ${where}.`;
}
