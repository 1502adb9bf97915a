// Chooses the FileSearch implementation once per tool: ripgrep when installed, the JS walk otherwise.
import type { FileSearch } from "./file-search.ts";
import { createJavascriptSearch } from "./javascript-search.ts";
import { findRipgrep } from "./ripgrep.ts";
import { createRipgrepSearch } from "./ripgrep-search.ts";

/** Which implementation to use: `auto` prefers ripgrep and falls back to JS when it is missing. */
export type SearchImplementation = "auto" | "ripgrep" | "javascript";

/** Options shared by the glob and grep tool factories. */
export interface FileSearchOptions {
  /** Default `auto`. */
  implementation?: SearchImplementation;
  /** The ripgrep executable (default: `rg` on PATH). */
  ripgrepPath?: string;
}

/**
 * A memoised picker: the first call looks for ripgrep (`auto`), later calls reuse the answer.
 * `ripgrep` without an executable rejects with a clear Error; `javascript` never looks.
 */
export function createFileSearchPicker(options: FileSearchOptions = {}): () => Promise<FileSearch> {
  let picked: Promise<FileSearch> | undefined;
  return () => {
    picked ??= pick(options);
    return picked;
  };
}

async function pick(options: FileSearchOptions): Promise<FileSearch> {
  const implementation = options.implementation ?? "auto";
  if (implementation === "javascript") return createJavascriptSearch();
  const executable = await findRipgrep(options.ripgrepPath ?? "rg");
  if (executable) return createRipgrepSearch(executable);
  if (implementation === "ripgrep")
    throw new Error(`ripgrep (${options.ripgrepPath ?? "rg"}) is not installed.`);
  return createJavascriptSearch();
}
