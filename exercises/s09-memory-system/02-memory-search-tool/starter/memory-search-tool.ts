// s09 02: `memory_search` — the prompt's memory index shows only names and descriptions; this tool also
// searches the contents, in both places, and names the files to read.
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
  // TODO: split the query into words, count the words each memory contains, sort, cap.
  return memories.filter((memory) => memory.name === query);
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
      // TODO: a heading, then one line per memory found:
      // "- <name> (<type>): <description> — <its path as library.displayPath shows it>".
      return found.length === 0 ? `No memory matches "${query}".` : `${found.length} found.`;
    },
  });
}
