// `glob`: find files by name pattern, newest first, .gitignore honoured (ripgrep or the JS walk).
import { stat } from "node:fs/promises";
import { relative } from "node:path";
import { defineTool, resolveInWorkspace, ToolError } from "@lcc/s02";
import { z } from "zod";
import { createPathGlob, fileNameGlob } from "./glob-pattern.ts";
import { createFileSearchPicker, type FileSearchOptions } from "./pick-file-search.ts";
import { leftOutNote, showUnreadable, sortNewestFirst, unreadableNote } from "./search-output.ts";

export const DEFAULT_GLOB_LIMIT = 100;

export const globInput = z.object({
  pattern: z.string().min(1).describe('Glob relative to path, e.g. "**/*.ts", "src/**/*.{ts,tsx}", "*.md".'),
  path: z
    .string()
    .min(1)
    .optional()
    .describe("Folder to search, relative to the workspace (default: the workspace)."),
});

/** Typed result data for the UI and tests. */
export interface GlobDetails {
  implementation: "ripgrep" | "javascript";
  totalFiles: number;
  shownFiles: number;
  /** Folders it was not allowed to read (workspace-relative, ending in "/"), so not searched. */
  unreadable: string[];
}

/**
 * The glob tool. Results are workspace-relative file paths sorted by modification time (newest
 * first), capped at `limit` (default 100) with a note saying how many were left out.
 */
export function createGlobTool(options: FileSearchOptions & { limit?: number } = {}) {
  const pickSearch = createFileSearchPicker(options);
  const limit = options.limit ?? DEFAULT_GLOB_LIMIT;
  return defineTool({
    name: "glob",
    description:
      'Find files by name with a glob: "*" and "?" stay within one folder, "**" crosses folders, "{a,b}" ' +
      'alternates ("src/**/*.{ts,tsx}"; "*.md" matches only at the top of path). Honours .gitignore and skips ' +
      `.git, .lcc and node_modules. Returns paths relative to the workspace, newest first, at most ${limit}; ` +
      "narrow a long list with path or a more specific pattern. To search file contents use grep.",
    input: globInput,
    readOnly: true,
    async run({ pattern, path = "." }, { workspace, signal }) {
      if (pattern.startsWith("/") || pattern.split("/").includes("..")) {
        throw new ToolError(
          `The pattern "${pattern}" must be relative to path; put the folder in path instead.`,
        );
      }
      const directory = await resolveInWorkspace(workspace, path);
      const stats = await stat(directory).catch(() => undefined);
      if (!stats)
        throw new ToolError(`Path not found: ${path}. Check it with glob "*" on its parent folder.`);
      if (!stats.isDirectory()) throw new ToolError(`${path} is a file; glob needs a folder as path.`);
      const search = await pickSearch();
      const matches = createPathGlob(pattern.replace(/^\.\//, ""));
      const hint = fileNameGlob(pattern);
      const listed = await search.listFiles({ directory, signal, ...(hint ? { fileNameHint: hint } : {}) });
      const found = listed.files.filter((file) => matches(relative(directory, file)));
      const sorted = await sortNewestFirst(found, signal);
      const shown = sorted.slice(0, limit).map((file) => relative(workspace, file));
      const details: GlobDetails = {
        implementation: search.implementation,
        totalFiles: sorted.length,
        shownFiles: shown.length,
        unreadable: showUnreadable(listed.unreadable, (file) => relative(workspace, file)),
      };
      const skipped = unreadableNote(details.unreadable);
      if (sorted.length === 0) {
        const where = path === "." ? "the workspace" : path;
        return { content: `No files match "${pattern}" in ${where}.${skipped}`, details };
      }
      const note = leftOutNote(sorted.length, shown.length, "files", "path or a more specific pattern");
      return { content: shown.join("\n") + note + skipped, details };
    },
  });
}
