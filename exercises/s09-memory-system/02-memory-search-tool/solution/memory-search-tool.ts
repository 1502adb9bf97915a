// SOLUTION (s09 02): `memory_search` — the prompt's memory index shows only names and descriptions; this
// tool also searches the contents, in both places, and names the files to read.
import { defineTool } from "@lcc/s02";
import type { MemoryLibrary, StoredMemory } from "@lcc/s09";
import { z } from "zod";

/** Most memories one search lists. */
export const SEARCH_MAX_RESULTS = 5;

/**
 * The memories that contain any word of `query` (case-insensitive, in name, description or content), the
 * most words matched first, then by name; at most {@link SEARCH_MAX_RESULTS}. Pure.
 */
export function searchMemories(memories: readonly StoredMemory[], query: string): StoredMemory[] {
  const words = [
    ...new Set(
      query
        .toLowerCase()
        .split(/\W+/)
        .filter((word) => word.length > 0),
    ),
  ];
  const scored = memories.map((memory) => {
    const haystack = `${memory.name}\n${memory.description}\n${memory.content}`.toLowerCase();
    return { memory, score: words.filter((word) => haystack.includes(word)).length };
  });
  return scored
    .filter(({ score }) => score > 0)
    .sort((left, right) => right.score - left.score || left.memory.name.localeCompare(right.memory.name))
    .slice(0, SEARCH_MAX_RESULTS)
    .map(({ memory }) => memory);
}

export function createMemorySearchTool(library: MemoryLibrary) {
  return defineTool({
    name: "memory_search",
    readOnly: true,
    description:
      "Search your saved memories (project and user) by words, in their names, descriptions and contents. " +
      `Lists at most ${SEARCH_MAX_RESULTS}, best first, each with its file: read_file it for the whole memory.`,
    input: z.object({ query: z.string().trim().min(1).max(200).describe("Words to look for.") }),
    async run({ query }) {
      const memories = (await library.listAll()).flatMap((listing) => listing.memories);
      const found = searchMemories(memories, query);
      if (found.length === 0) return `No memory matches "${query}".`;
      const lines = found.map(
        (memory) =>
          `- ${memory.name} (${memory.type}): ${memory.description} — ${library.displayPath(memory.path)}`,
      );
      return [`Memories matching "${query}":`, ...lines].join("\n");
    },
  });
}
