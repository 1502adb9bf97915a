// `memory_forget`: delete a memory by its exact name (in either place); the same path /memory forget takes.
import { defineTool, ToolError } from "@lcc/s02";
import { z } from "zod";
import type { MemoryLibrary } from "./memory-library.ts";
import { describeProblems } from "./memory-save-tool.ts";

export const memoryForgetInput = z.object({
  name: z.string().trim().min(1).describe("The exact name of the memory, as the index shows it."),
});

/** What the UI, logs and tests read about a forget: the deleted files. */
export interface MemoryForgetDetails {
  paths: string[];
}

/** The sentence both the tool and /memory forget say; throws ToolError when nothing matched. */
export async function forgetMemory(library: MemoryLibrary, name: string) {
  const outcome = await library.forget(name);
  if (outcome.forgotten.length === 0) {
    const similar =
      outcome.similar.length > 0
        ? ` Did you mean ${outcome.similar.map((entry) => `"${entry}"`).join(" or ")}?`
        : "";
    throw new ToolError(
      `No memory is named "${name}".${similar} Names must match exactly, as the index shows them.`,
    );
  }
  const paths = outcome.forgotten.map((memory) => memory.path);
  const text =
    `Forgot memory "${name}": deleted ${paths.map((path) => library.displayPath(path)).join(", ")}. ` +
    "The index no longer lists it from the next session on." +
    describeProblems(outcome.problems, library);
  return { text, paths };
}

export function createMemoryForgetTool(library: MemoryLibrary) {
  return defineTool({
    name: "memory_forget",
    description:
      "Delete a saved memory that is wrong or no longer useful, by its exact name as the memory index shows it " +
      "(memories of that name in both places are deleted).",
    input: memoryForgetInput,
    destructive: true,
    parentOnly: true,
    async run({ name }) {
      const { text, paths } = await forgetMemory(library, name);
      const details: MemoryForgetDetails = { paths };
      return { content: text, details };
    },
  });
}
