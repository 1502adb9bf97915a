// `memory_save`: create or update (same name) one memory; confirms where it was written and when it is seen.
import { formatCount } from "@lcc/chapter-kit";
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import {
  MEMORY_CONTENT_MAX_CHARS,
  MEMORY_DESCRIPTION_MAX_CHARS,
  MEMORY_NAME_MAX_CHARS,
  MEMORY_TYPES,
} from "./memory-file.ts";
import type { UnreadableMemoryFile } from "./memory-folder.ts";
import type { MemoryLibrary, MemoryScope } from "./memory-library.ts";

export const memorySaveInput = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(MEMORY_NAME_MAX_CHARS)
    .regex(/^[^\r\n]*$/, "must be a single line")
    .describe("Short title, unique: saving with exactly the same name updates that memory."),
  description: z
    .string()
    .trim()
    .min(1)
    .max(MEMORY_DESCRIPTION_MAX_CHARS)
    .regex(/^[^\r\n]*$/, "must be a single line")
    .describe("One line saying what it is about; the index in future prompts shows it."),
  type: z
    .enum(MEMORY_TYPES)
    .describe(
      "user: who the user is and their preferences; feedback: how the user wants you to work; project: facts about this project not in the code; reference: where to find things outside the repository.",
    ),
  content: z
    .string()
    .trim()
    .min(1)
    .max(MEMORY_CONTENT_MAX_CHARS)
    .describe("The memory itself, in Markdown. For feedback and project memories, say why."),
});

/** What the UI, logs and tests read about a save. */
export interface MemorySaveDetails {
  path: string;
  scope: MemoryScope;
  created: boolean;
  movedFrom?: string;
  problems: UnreadableMemoryFile[];
}

/** "Note: x.md: not a valid memory file (…); it was left as it is." lines, or "". */
export function describeProblems(problems: readonly UnreadableMemoryFile[], library: MemoryLibrary): string {
  return problems
    .map(
      (problem) => `\nNote: ${library.displayPath(problem.path)}: ${problem.problem}; it was left as it is.`,
    )
    .join("");
}

export function createMemorySaveTool(library: MemoryLibrary) {
  return defineTool({
    name: "memory_save",
    description:
      "Save a durable memory for future sessions: one Markdown file, listed by name and description in the memory " +
      "index of every future session's prompt. Saving with the exact name of an existing memory updates it; names " +
      "that only look alike get their own file. user and feedback memories are kept for all projects (~/.lcc/memory), " +
      "project and reference memories for this one. Never save secrets, code structure that can be read from the " +
      `repository, or the state of the current task. Limits: name ${MEMORY_NAME_MAX_CHARS} characters, description ` +
      `${MEMORY_DESCRIPTION_MAX_CHARS}, content ${formatCount(MEMORY_CONTENT_MAX_CHARS)}.`,
    input: memorySaveInput,
    parentOnly: true,
    summarizeInput: (input) => {
      const { name, type } = input as { name?: string; type?: string };
      return `${type ?? "?"}: ${name ?? ""}`;
    },
    async run(input) {
      const outcome = await library.save(input);
      if (outcome.kind === "refused") throw new ToolError(outcome.reason);
      const path = library.displayPath(outcome.memory.path);
      const where = outcome.scope === "user" ? " (kept for all projects)" : "";
      const moved = outcome.movedFrom ? ` (moved from ${library.displayPath(outcome.movedFrom)})` : "";
      const details: MemorySaveDetails = {
        path: outcome.memory.path,
        scope: outcome.scope,
        created: outcome.created,
        ...(outcome.movedFrom ? { movedFrom: outcome.movedFrom } : {}),
        problems: outcome.problems,
      };
      return {
        content:
          `${outcome.created ? "Saved" : "Updated"} ${outcome.scope} memory "${input.name}" in ${path}${where}${moved}.\n` +
          "It is in the memory index from the next session on (this session's prompt stays as it is)." +
          describeProblems(outcome.problems, library),
        details,
      };
    },
  });
}
