// The instruction files as system prompt sections: one short introduction, then one section per file,
// named `instructions`, with the file's path as its source. Pure.
import type { SystemSection } from "@lcc/s02";
import {
  displayPath,
  type InstructionFile,
  type InstructionKind,
  type InstructionSearch,
} from "./instruction-files.ts";

/** The name every instruction section has (the /prompt listing tells them apart by source). */
export const INSTRUCTIONS_SECTION = "instructions";

const INTRODUCTION = [
  "# Instructions",
  "The files below are the user's and the project's instructions for you. Follow them: where they differ",
  "from the defaults above, they win; a later, more specific file wins over an earlier one.",
].join("\n");

const KIND_TEXT: Record<Exclude<InstructionKind, "import">, string> = {
  user: "the user's own instructions, for every project",
  project: "project instructions, checked into the codebase",
  local: "the user's private instructions for this project, not checked in",
};

/**
 * The introduction and one section per non-empty file, in the files' order; no section at all when
 * there are no files. A section's text starts with a heading naming the file and where it comes from.
 */
export function instructionSections(
  files: readonly InstructionFile[],
  search: Pick<InstructionSearch, "workspace" | "home">,
): SystemSection[] {
  const sections: SystemSection[] = [];
  for (const file of files) {
    const body = file.text.trim();
    if (!body) continue;
    const source = displayPath(file.path, search);
    const origin = file.importedBy
      ? `imported by ${displayPath(file.importedBy, search)}`
      : KIND_TEXT[file.kind as Exclude<InstructionKind, "import">];
    sections.push({ name: INSTRUCTIONS_SECTION, source, text: `## ${source} (${origin})\n\n${body}` });
  }
  return sections.length === 0 ? [] : [{ name: INSTRUCTIONS_SECTION, text: INTRODUCTION }, ...sections];
}
